package whatsapp.localstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A development RSA key pair and RS256 tokens signed with it, in the shape MicroProfile JWT
 * expects ({@code iss}, {@code aud}, {@code upn}, {@code groups}) plus our {@code organization_id} claim.
 * For the local stack and tests only: production tokens come from the real identity provider.
 */
public final class DevTokens {

    public static final String ISSUER = "https://whatsapp-integrations.local/dev";

    /** The audience development tokens are for; the local stack's server expects it (MP_JWT_VERIFY_AUDIENCES). */
    public static final String AUDIENCE = "whatsapp-integrations";

    final KeyPair keys;

    DevTokens(KeyPair keys) {
        this.keys = keys;
    }

    public static DevTokens generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new DevTokens(generator.generateKeyPair());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot generate a development key pair", e);
        }
    }

    /** Writes the public key as PEM (what MP_JWT_VERIFY_PUBLICKEY_LOCATION points at). */
    public Path writePublicKey(Path file) throws java.io.IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded());
        Files.createDirectories(file.getParent());
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
        return file;
    }

    public String admin(String user) {
        return mint(user, List.of("admin"), null, Duration.ofHours(12), ISSUER);
    }

    public String member(String user, String organizationId) {
        return mint(user, List.of("member"), organizationId, Duration.ofHours(12), ISSUER);
    }

    public String mint(String user, List<String> groups, String organizationId, Duration validFor, String issuer) {
        return mint(user, groups, organizationId, validFor, issuer, AUDIENCE);
    }

    /** @param audience the {@code aud} claim, none when null */
    public String mint(String user, List<String> groups, String organizationId, Duration validFor, String issuer,
                       String audience) {
        Instant now = Instant.now();
        String groupList = groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",", "[", "]"));
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + user + "\",\"upn\":\"" + user + "\""
                + (audience == null ? "" : ",\"aud\":\"" + audience + "\"")
                + ",\"groups\":" + groupList
                + (organizationId == null ? "" : ",\"organization_id\":\"" + organizationId + "\"")
                + ",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(validFor).getEpochSecond()
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String unsigned = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64(claims);
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
    }

    static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
