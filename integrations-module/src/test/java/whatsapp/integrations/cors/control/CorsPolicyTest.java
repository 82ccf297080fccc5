package whatsapp.integrations.cors.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    @Test
    void unsetOrEmptyMeansNoCors() {
        assertThat(CorsPolicy.of(Optional.empty()).enabled()).isFalse();
        assertThat(CorsPolicy.of(Optional.of(" , ")).enabled()).isFalse();
        assertThat(CorsPolicy.of(Optional.empty()).allows("https://app.example.com")).isFalse();
    }

    @Test
    void originsMatchExactlyIgnoringCaseAndATrailingSlash() {
        var policy = CorsPolicy.of(Optional.of("https://app.example.com/, http://localhost:5173"));
        assertThat(policy.allows("https://app.example.com")).isTrue();
        assertThat(policy.allows("HTTPS://App.Example.com")).isTrue();
        assertThat(policy.allows("http://localhost:5173")).isTrue();
        assertThat(policy.allows("http://app.example.com")).isFalse();
        assertThat(policy.allows("https://app.example.com:8443")).isFalse();
        assertThat(policy.allows("https://app.example.com.evil.test")).isFalse();
        assertThat(policy.allows("http://localhost")).isFalse();
        assertThat(policy.allows("null")).isFalse();
        assertThat(policy.allows(null)).isFalse();
    }

    @Test
    void wildcardsAndNonOriginsAreRefused() {
        var policy = CorsPolicy.of(Optional.of("*, https://*.example.com, app.example.com, https://ok.example.com/path, https://ok.example.com"));
        assertThat(policy.origins()).containsExactly("https://ok.example.com");
        assertThat(policy.refused()).containsExactly("*", "https://*.example.com", "app.example.com", "https://ok.example.com/path");
        assertThat(policy.allows("https://anything.example.com")).isFalse();
    }

    @Test
    void theWebhookIsNeverInScope() {
        assertThat(CorsPolicy.inScope("/whatsapp")).isTrue();
        assertThat(CorsPolicy.inScope("/0b6f3c1e-5d0a-4b7e-9a63-2f0d8c1e9a10/qr")).isTrue();
        assertThat(CorsPolicy.inScope("/webhooks/evolution")).isFalse();
        assertThat(CorsPolicy.inScope("/integrations/WebHooks/evolution")).isFalse();
    }
}
