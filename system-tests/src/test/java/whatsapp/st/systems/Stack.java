package whatsapp.st.systems;

import java.nio.file.Path;
import java.util.Map;
import whatsapp.localstack.LocalStack;

/**
 * The one local stack all system tests of this JVM share, started on first use with a fresh
 * database and stopped when the JVM ends.
 */
public final class Stack {

    /** Settings the tests rely on: no timers firing during tests, no grace period. */
    static final Map<String, String> TEST_SETTINGS = Map.of(
            "HEALTH_CHECK_SCHEDULE", "off",
            "CLEANUP_SCHEDULE", "off",
            "EVOLUTION_READ_TIMEOUT_MS", "2000");

    static LocalStack stack;

    private Stack() {
    }

    public static synchronized LocalStack get() {
        if (stack == null) {
            try {
                stack = LocalStack.start(Path.of(System.getProperty("stack.dir", "target/local-stack")),
                        Path.of(System.getProperty("wildfly.home", "../ear/target/server")), true, false, TEST_SETTINGS,
                        Integer.getInteger("stack.port-offset", 0));
            } catch (Exception e) {
                throw new IllegalStateException("The local stack did not start: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(Stack::stop));
        }
        return stack;
    }

    static synchronized void stop() {
        try {
            if (stack != null) stack.close();
        } catch (Exception e) {
            System.err.println("Stopping the local stack: " + e);
        }
    }
}
