package whatsapp.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code ./start.sh}: the whole system with embedded defaults; prints the URLs and development
 * tokens, and stops everything on Ctrl-C. Arguments: the project root.
 */
public final class Start {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        var stack = LocalStack.start(root.resolve(".local-stack"), root.resolve("ear/target/server"),
                false, true, Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stack.close();
            } catch (Exception e) {
                System.err.println("Stopping the local stack failed: " + e);
            }
        }));
        var server = stack.server();
        System.out.printf("""

                ==== WhatsApp integrations is running ====
                API            %s/integrations  and  %s/maintenance
                OpenAPI        %s/openapi
                Health         %s/health/ready
                Metrics        %s/metrics
                Evolution      %s
                PostgreSQL     %s
                Redis          %s

                Admin token (12 h):
                %s

                Member token for organization org-demo (12 h):
                %s

                Ctrl-C stops everything.
                """,
                server.httpUrl(), server.httpUrl(), server.httpUrl(), server.managementUrl(), server.managementUrl(),
                stack.serverEnvironment().get("EVOLUTION_URL"), stack.jdbcUrl(), stack.redisUrl(),
                stack.tokens().admin("dev-admin"), stack.tokens().member("dev-member", "org-demo"));
        Thread.currentThread().join();
    }
}
