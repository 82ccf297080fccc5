package whatsapp.st.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

class ServerLifecycleIT {

    @Test
    void theRedisClientIsCreatedOnceAndClosedOnShutdown() throws Exception {
        var server = Stack.get().server();
        for (int i = 0; i < 5; i++) {
            assertThat(Http.get(Service.management("/health/ready"), null).status()).isEqualTo(200);
        }
        Path log = Path.of(System.getProperty("stack.dir", "target/local-stack")).resolve("server.log");
        server.stop();
        String whole = Files.readString(log);
        server.start(Duration.ofSeconds(180));

        // the log holds every boot and every redeployment of this stack (other tests restart the
        // server or redeploy the EAR with other settings): judge the last deployment
        String lastDeployment = whole.substring(Math.max(0, whole.lastIndexOf("WFLYSRV0027")));
        assertThat(count(lastDeployment, "Redis client for redis://")).as("one client per deployment").isEqualTo(1);
        assertThat(count(lastDeployment, "Redis client shut down")).isEqualTo(1);
        assertThat(whole).doesNotContain(Stack.get().serverEnvironment().get("EVOLUTION_API_KEY"));
        String redisPassword = java.net.URI.create(Stack.get().redisUrl()).getUserInfo().substring(1);
        assertThat(redisPassword).as("the stack's Redis has a password").hasSizeGreaterThan(16);
        assertThat(whole).as("the Redis password is never logged").doesNotContain(redisPassword);
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) n++;
        return n;
    }
}
