package whatsapp.simulator.evolution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import whatsapp.simulator.instances.Instance;

/** The {@code apikey} header: the global key opens everything, an instance token only its instance. */
final class Keys {

    private final String globalKey;

    Keys(String globalKey) {
        this.globalKey = globalKey;
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
