package whatsapp.st.platform;

import whatsapp.st.systems.Stack;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import whatsapp.st.systems.Http;

/**
 * {@code ./start.sh}'s launcher ({@code whatsapp.localstack.Start}) killed with SIGKILL as a whole process group
 * (a closed terminal, the OOM killer) leaves PostgreSQL running, since {@code pg_ctl} starts it in a session of its
 * own; the next start must find and stop it, say so, and come up with the data of the first run. The launcher
 * runs here as its own process group with a work directory under target/ and its own port offset, beside the
 * stack the other tests share.
 */
@EnabledOnOs(OS.LINUX)
class LocalStackRestartIT {

    static final int PORT_OFFSET = Integer.getInteger("restart.port-offset", Stack.PORT_OFFSET + 50);
    static final Path ROOT = Path.of(System.getProperty("wildfly.home", "../ear/target/server")).toAbsolutePath()
            .normalize().getParent().getParent().getParent();
    static final Path WORK_DIR = Path.of("target/restart-stack").toAbsolutePath();
    static final Pattern MEMBER_TOKEN = Pattern.compile("Member token for organization org-demo \\(12 h\\):\\s+(\\S+)");
    static final String READY = "==== WhatsApp integrations is running ====";

    final List<Long> groups = new ArrayList<>();

    @Test
    void aLauncherKilledWithItsProcessGroupStartsAgainWithItsData() throws Exception {
        deleteRecursively(WORK_DIR);
        Files.createDirectories(WORK_DIR);
        String base = "http://127.0.0.1:" + (8080 + PORT_OFFSET);
        try {
            var first = launch("first");
            String firstOutput = awaitReady(first, WORK_DIR.resolve("first.out"));
            String created = create(base, memberToken(firstOutput));

            long group = processGroup(first.pid());
            assertThat(group).as("the launcher leads its own process group").isEqualTo(first.pid());
            kill("-KILL", "-" + group);
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Optional<Long> postgres = postmaster();
            assertThat(postgres).as("PostgreSQL outlives the kill of the launcher's process group").isPresent();

            var second = launch("second");
            String secondOutput = awaitReady(second, WORK_DIR.resolve("second.out"));
            assertThat(secondOutput).containsOnlyOnce("did not stop cleanly")
                    .contains("PostgreSQL (pid " + postgres.get() + ")");
            var read = Http.get(base + "/integrations/" + created, memberToken(secondOutput));
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json().getString("id")).isEqualTo(created);

            second.destroy(); // SIGTERM: the launcher's shutdown hook stops the server, Redis and PostgreSQL
            assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("the launcher stops on SIGTERM").isTrue();
            assertThat(postmaster()).as("a clean stop leaves no PostgreSQL behind").isEmpty();
            assertThat(WORK_DIR.resolve("server.pid")).as("nor a server record").doesNotExist();
        } finally {
            for (long group : groups) kill("-KILL", "-" + group);
            postmaster().ifPresent(pid -> kill("-QUIT", Long.toString(pid)));
        }
    }

    Process launch(String name) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var builder = new ProcessBuilder("setsid", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", classPath, "whatsapp.localstack.Start", ROOT.toString())
                .redirectErrorStream(true)
                .redirectOutput(WORK_DIR.resolve(name + ".out").toFile());
        builder.environment().put("STACK_DIR", WORK_DIR.toString());
        builder.environment().put("STACK_PORT_OFFSET", Integer.toString(PORT_OFFSET));
        List.of("DB_URL", "REDIS_URL", "EVOLUTION_URL", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "PUBLIC_URL")
                .forEach(builder.environment()::remove);
        var process = builder.start();
        groups.add(process.pid());
        return process;
    }

    static String awaitReady(Process launcher, Path output) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (text.contains(READY) && MEMBER_TOKEN.matcher(text).find()) return text;
            if (!launcher.isAlive()) throw new AssertionError("The launcher exited with " + launcher.exitValue() + ":\n" + text);
            Thread.sleep(500);
        }
        throw new AssertionError("The launcher was not ready within 4 minutes:\n" + Files.readString(output));
    }

    static String memberToken(String output) {
        var matcher = MEMBER_TOKEN.matcher(output);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    static String create(String base, String token) {
        var request = HttpRequest.newBuilder(URI.create(base + "/integrations/whatsapp")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"organization_id\":\"org-demo\"}")).build();
        var answer = Http.send(request);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().getJsonObject("integration").getString("id");
    }

    /** The postmaster serving the work directory's data, when one is running. */
    static Optional<Long> postmaster() {
        try {
            String first = Files.readAllLines(WORK_DIR.resolve("postgres/postmaster.pid")).get(0).trim();
            long pid = Long.parseLong(first);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> pid);
        } catch (IOException | RuntimeException none) {
            return Optional.empty();
        }
    }

    static long processGroup(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
    }

    static void kill(String signal, String target) {
        try {
            new ProcessBuilder("kill", signal, "--", target).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(path);
        }
    }
}
