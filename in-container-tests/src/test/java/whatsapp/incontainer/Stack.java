package whatsapp.incontainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import whatsapp.localstack.LocalStack;

/**
 * The local stack the in-container tests deploy into: embedded PostgreSQL, Redis and Evolution, and
 * WildFly started from a copy of {@code ear/target/server} without the EAR, on its own port offset.
 * A JUnit Platform listener (registered in {@code META-INF/services}) starts it before the first test
 * class, so before Arquillian connects to the management port; it stops when the JVM ends.
 * Client side only: the test archive does not contain this class.
 */
public final class Stack implements TestExecutionListener {

    static final int PORT_OFFSET = Integer.getInteger("in-container.port-offset", 200);

    /** No timer may observe the rows a test seeded. */
    static final Map<String, String> TEST_SETTINGS = Map.of(
            "HEALTH_CHECK_SCHEDULE", "off",
            "CLEANUP_SCHEDULE", "off");

    static LocalStack stack;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (plan.containsTests()) start();
    }

    static synchronized void start() {
        if (stack != null) return;
        System.setProperty("in-container.management-port", String.valueOf(9990 + PORT_OFFSET));
        try {
            requireFree(8080 + PORT_OFFSET);
            requireFree(9990 + PORT_OFFSET);
            Path server = Path.of(System.getProperty("server.copy", "target/server"));
            copyWithoutDeployments(Path.of(System.getProperty("wildfly.home", "../ear/target/server")), server);
            stack = LocalStack.start(Path.of(System.getProperty("stack.dir", "target/local-stack")), server,
                    true, false, TEST_SETTINGS, PORT_OFFSET);
        } catch (Exception e) {
            throw new IllegalStateException("The local stack did not start: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(Stack::stop));
    }

    static synchronized void stop() {
        try {
            if (stack != null) stack.close();
        } catch (Exception e) {
            System.err.println("Stopping the local stack: " + e);
        }
    }

    /**
     * Arquillian connects to whatever answers on the management port, and the stack's readiness probe
     * would accept a server that is not ours: refuse to start next to another server on these ports.
     */
    static void requireFree(int port) throws IOException {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException inUse) {
            throw new IOException("Port " + port + " is taken: another server runs on port offset " + PORT_OFFSET
                    + "; choose another with -Din-container.port-offset=...", inUse);
        }
    }

    /** The provisioned server as it is, minus the deployed EAR and what a previous run left behind. */
    static void copyWithoutDeployments(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from.resolve("bin/standalone.sh"))) {
            throw new IOException("No provisioned server in " + from + ": build the ear module first");
        }
        delete(to);
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(file -> wanted(from.relativize(file))).forEach(file -> {
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static boolean wanted(Path relative) {
        String path = relative.toString();
        return !(path.startsWith("standalone/deployments/") && path.contains(".ear"))
                && !path.matches("standalone/(data|tmp|log)(/.*)?");
    }

    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) return;
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(file);
        }
    }
}
