package whatsapp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that started Redis and exits stops it even while another of its shutdown hooks is slow (a server still
 * stopping when a test runner kills the exiting JVM): no redis-server is left behind.
 */
class EmbeddedRedisExitTest {

    @TempDir
    Path dir;

    /** The child JVM: starts Redis, prints its pid, then exits with a shutdown hook that takes a minute. */
    public static void main(String[] args) throws Exception {
        var redis = new EmbeddedRedis(Path.of(args[0]), LocalStack.freePort(), new PidFile(Path.of(args[0], "redis.pid")));
        redis.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(60_000); // a slow stop of something else
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.println("pid " + redis.process.pid());
        System.out.flush();
        System.exit(0);
    }

    @Test
    void redisStopsWhenTheJvmExitsWhileAnotherHookIsStillRunning() throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EmbeddedRedisExitTest.class.getName(),
                dir.toString()).redirectErrorStream(true).start();
        long redisPid = -1;
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("pid ")) {
                    redisPid = Long.parseLong(line.substring(4).strip());
                    break;
                }
            }
            assertThat(redisPid).as("the child started Redis").isPositive();
            var redis = ProcessHandle.of(redisPid);
            var deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (redis.map(ProcessHandle::isAlive).orElse(false) && Instant.now().isBefore(deadline)) Thread.sleep(100);
            assertThat(child.isAlive()).as("the child is still in its slow shutdown hook").isTrue();
            assertThat(redis.map(ProcessHandle::isAlive).orElse(false)).as("redis-server " + redisPid + " stopped").isFalse();
        } finally {
            child.destroyForcibly();
            if (redisPid > 0) ProcessHandle.of(redisPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
