package whatsapp.integrations.cors.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which browser origins may call the integrations endpoints ({@code cors.allowed-origins}, environment
 * {@code CORS_ALLOWED_ORIGINS}: comma-separated origins such as {@code https://app.example.com}; unset or empty: no
 * CORS at all). Origins match exactly (scheme, host and port; case-insensitive, a trailing slash ignored). A
 * {@code *} is refused: the answer always names the one origin that asked, never a wildcard. Credentials
 * (cookies) are never allowed: the frontend sends its bearer token in {@code Authorization}.
 */
public record CorsPolicy(Set<String> origins, List<String> refused) {

    public static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE";
    public static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key";
    public static final String EXPOSED_HEADERS = "Location, Retry-After, Idempotent-Replayed";
    public static final String MAX_AGE_SECONDS = "600";

    public static CorsPolicy of(Optional<String> setting) {
        var origins = new LinkedHashSet<String>();
        var refused = new ArrayList<String>();
        for (String entry : setting.orElse("").split(",")) {
            String origin = normalized(entry);
            if (origin.isEmpty()) continue;
            if (origin.contains("*") || !origin.matches("https?://[^/?#\\s]+")) refused.add(entry.trim());
            else origins.add(origin);
        }
        return new CorsPolicy(Set.copyOf(origins), List.copyOf(refused));
    }

    public boolean enabled() {
        return !origins.isEmpty();
    }

    /** @param origin the request's {@code Origin} header, possibly null */
    public boolean allows(String origin) {
        return origin != null && origins.contains(normalized(origin));
    }

    /** Evolution's webhook is called by Evolution, never by a browser: it never answers cross-origin. */
    public static boolean inScope(String path) {
        return path != null && !path.toLowerCase(Locale.ROOT).contains("/webhooks");
    }

    static String normalized(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
