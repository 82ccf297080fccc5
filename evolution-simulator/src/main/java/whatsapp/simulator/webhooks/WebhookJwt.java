package whatsapp.simulator.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bearer token Evolution sends instead of a {@code jwt_key} header: HS256 over
 * {@code {iat, exp = iat + 600, app: "evolution", action: "webhook"}}, keyed with the {@code jwt_key} value.
 */
final class WebhookJwt {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private WebhookJwt() {
    }

    static String sign(String key, Instant now) {
        var iat = now.getEpochSecond();
        var header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        var claims = encode("{\"iat\":" + iat + ",\"exp\":" + (iat + 600) + ",\"app\":\"evolution\",\"action\":\"webhook\"}");
        var signingInput = header + "." + claims;
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HS256 unavailable", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
