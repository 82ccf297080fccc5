package whatsapp.simulator.evolution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import whatsapp.simulator.instances.Instance;

/** The {@code apikey} header: the global key opens everything, an instance token only its instance. */
final class Keys {

    private final String originalKey;
    private volatile String globalKey;

    Keys(String globalKey) {
        this.originalKey = globalKey;
        this.globalKey = globalKey;
    }

    /** An operator changed AUTHENTICATION_API_KEY: clients still sending the old key get 401s. */
    void rotate(String newKey) {
        this.globalKey = newKey;
    }

    void restore() {
        this.globalKey = originalKey;
    }

    boolean isGlobal(String key) {
        return same(key, globalKey);
    }

    boolean opens(String key, Instance instance) {
        return isGlobal(key) || same(key, instance.token());
    }

    private static boolean same(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
