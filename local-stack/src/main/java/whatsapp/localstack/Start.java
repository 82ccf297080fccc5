package whatsapp.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code ./start.sh}: the whole system with embedded defaults; prints one line per step, the URLs and
 * development tokens, the server's warnings and errors (its whole log goes to a file), and stops everything on
 * Ctrl-C. Argument: the project root. Environment: {@code STACK_DIR}, the work directory (default
 * {@code <root>/.local-stack}), and {@code STACK_PORT_OFFSET}, added to WildFly's 8080 and 9990 (default 0), so
 * that two stacks can run side by side. After the launcher was killed (kill -9, a crashed terminal), the next
 * start stops what the last one left running from the same work directory and says so in one line.
 * {@code NODES} (default 1) starts that many WildFly nodes over the same PostgreSQL, Redis and simulator, node
 * <i>i</i> at port offset {@code STACK_PORT_OFFSET + 100·(i−1)} with its own base directory {@code node-<i>}, behind
 * a {@link RoundRobinFront} on port {@code 8000 + STACK_PORT_OFFSET}: the one URL clients and Evolution's webhooks use.
 * {@code SERVER=payara} runs Payara Server ({@code payara-server/target/payara6}) instead of WildFly, one node.
 */
public final class Start {

    /** Port offset between two nodes of {@code NODES=n}: node 2 answers on 8180 and 10090. */
    static final int NODE_PORT_STEP = 100;
    /** The front of {@code NODES=n} (n ≥ 2) answers on this port plus {@code STACK_PORT_OFFSET}. */
    static final int FRONT_PORT = 8000;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String dir = System.getenv("STACK_DIR");
        Path workDir = (dir == null || dir.isBlank() ? root.resolve(".local-stack") : Path.of(dir)).toAbsolutePath().normalize();
        int portOffset = Integer.parseInt(System.getenv().getOrDefault("STACK_PORT_OFFSET", "0").trim());
        int nodes = Math.max(1, Integer.parseInt(System.getenv().getOrDefault("NODES", "1").trim()));
        Path log = workDir.resolve("server.log");
        java.nio.file.Files.createDirectories(workDir);
        var console = ServerConsole.follow(log, System.out::println);
        LocalStack stack;
        RoundRobinFront front = null;
        String frontUrl = "http://127.0.0.1:" + (FRONT_PORT + portOffset);
        // on a cluster, Evolution sends its webhooks to the front, as it would to a production load balancer
        Map<String, String> settings = nodes > 1 && System.getenv("PUBLIC_URL") == null ? Map.of("PUBLIC_URL", frontUrl) : Map.of();
        try {
            if (PayaraProcess.selected() && nodes > 1) throw new IllegalArgumentException("NODES > 1 runs WildFly only");
            stack = LocalStack.start(workDir, root.resolve(PayaraProcess.selected() ? "payara-server/target/payara6" : "ear/target/server"),
                    false, false, settings, portOffset, System.out::println);
            for (int i = 2; i <= nodes; i++) stack.startNode("node-" + i, portOffset + NODE_PORT_STEP * (i - 1), Map.of());
            if (nodes > 1) {
                var behind = new java.util.ArrayList<RoundRobinFront.Node>();
                behind.add(new RoundRobinFront.Node(stack.server().httpUrl(), stack.server().managementUrl() + "/health/ready"));
                for (var node : stack.nodes()) behind.add(new RoundRobinFront.Node(node.httpUrl(), node.managementUrl() + "/health/ready"));
                front = RoundRobinFront.start(FRONT_PORT + portOffset, behind);
                System.out.println("==> Front: round-robin over " + nodes + " nodes on " + front.url());
            }
        } catch (Exception e) {
            Thread.sleep(300); // let the console show the server's last errors
            console.close();
            System.err.println("The local stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        var balancer = front;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (balancer != null) balancer.close();
                console.close();
                stack.close();
            } catch (Exception e) {
                System.err.println("Stopping the local stack failed: " + e);
            }
        }));
        var server = stack.server();
        String api = front == null ? server.httpUrl() : front.url();
        var urls = new StringBuilder();
        if (nodes > 1) {
            urls.append("Front          ").append(api).append("  (round-robin; the URL for clients and webhooks)\n");
            urls.append("Nodes          ").append(server.httpUrl()).append("  (").append(server.managementUrl()).append(")\n");
            for (var node : stack.nodes()) {
                urls.append("               ").append(node.httpUrl()).append("  (").append(node.managementUrl())
                        .append(", log ").append(node.log).append(")\n");
            }
        }
        System.out.printf("""

                ==== WhatsApp integrations is running ====
                %sAPI            %s/integrations  and  %s/maintenance
                Console        %s/console/  (paste the admin token below)
                OpenAPI        %s/openapi
                Health         %s/health/ready
                Metrics        %s/metrics
                Evolution      %s
                PostgreSQL     %s
                Redis          %s
                Server log     %s

                Admin token (12 h):
                %s

                Member token for organization org-demo (12 h):
                %s

                Ctrl-C stops everything.
                """,
                urls, api, api, api, api, server.managementUrl(), server.managementUrl(),
                stack.serverEnvironment().get("EVOLUTION_URL"), stack.jdbcUrl(), stack.redisUrlForDisplay(), log,
                stack.tokens().admin("dev-admin"), stack.tokens().member("dev-member", "org-demo"));
        Thread.currentThread().join();
    }
}
