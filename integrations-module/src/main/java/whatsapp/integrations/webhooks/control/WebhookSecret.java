package whatsapp.integrations.webhooks.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The per-instance secret Evolution sends back in the {@code x-evolution-secret} header of every
 * webhook. Only its SHA-256 is stored; comparison is constant-time.
 */
public record WebhookSecret(String value) {

    public static final String HEADER = "x-evolution-secret";
    static final SecureRandom RANDOM = new SecureRandom();

    public static WebhookSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new WebhookSecret(HexFormat.of().formatHex(bytes));
    }

    public String hash() {
        return hashOf(value);
    }

    public static String hashOf(String secret) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of a presented secret with a stored hash. */
    public static boolean matches(String presented, String storedHash) {
        if (presented == null || storedHash == null) return false;
        return MessageDigest.isEqual(hashOf(presented).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "WebhookSecret[***]";
    }
}
