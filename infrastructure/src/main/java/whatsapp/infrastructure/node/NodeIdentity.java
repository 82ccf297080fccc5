package whatsapp.infrastructure.node;

import java.net.InetAddress;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This server node's name in a cluster: {@code node.id} (NODE_ID), by default the host name and HTTP port
 * ({@code host:8080} plus {@code jboss.socket.binding.port-offset}). It names the node in the runs history
 * ({@code schedule@<node>}), in the log lines ({@code logging.cli}) and as the {@code node} tag of our meters.
 * Read once: a node does not change its name while it runs. At most {@value #MAX_LENGTH} characters (longer names are
 * cut), so that {@code schedule@<node>} fits the runs history's {@code triggered_by}.
 */
public final class NodeIdentity {

    static final int MAX_LENGTH = 100;

    private static volatile String id;

    private NodeIdentity() {
    }

    public static String id() {
        String known = id;
        if (known == null) {
            known = configured().orElseGet(() -> defaultId(hostName(), Integer.getInteger("jboss.socket.binding.port-offset", 0)));
            if (known.length() > MAX_LENGTH) known = known.substring(0, MAX_LENGTH);
            id = known;
        }
        return known;
    }

    static Optional<String> configured() {
        try {
            return ConfigProvider.getConfig().getOptionalValue("node.id", String.class).map(String::trim).filter(s -> !s.isEmpty());
        } catch (RuntimeException | java.util.ServiceConfigurationError | LinkageError noConfig) { // unit tests without a MicroProfile Config implementation
            return Optional.ofNullable(System.getenv("NODE_ID")).map(String::trim).filter(s -> !s.isEmpty());
        }
    }

    static String defaultId(String host, int portOffset) {
        return host + ":" + (8080 + portOffset);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }
}
