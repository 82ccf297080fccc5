package whatsapp.web.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import org.eclipse.microprofile.jwt.Claims;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bearer tokens this node verified in the last {@link #RETENTION_SECONDS} seconds, so that a client sending the
 * same token again (a frontend sends one token for its whole lifetime) is not parsed and signature-checked on every
 * request. Verifying a token cost a GET about half of its allocations and an RSA verification: the profile of
 * {@code GET /integrations/{id}} is in docs/benchmarks.md.
 * <p>
 * What a hit skips is exactly what the first verification already established for these exact bytes (the signature,
 * the issuer, the audience, the algorithm); the rules that depend on the clock are kept: a token is answered from here
 * only before its {@code exp}, and an entry is dropped {@link #RETENTION_SECONDS} after its verification, so a token
 * past {@code exp} (or any other time-based rule) goes through the full verification again. Entries are keyed by the
 * whole token, never by a part of it; at most {@link #CAPACITY} are kept (a few MB), beyond that a token is verified
 * each time, as without this class.
 * <p>
 * SmallRye JWT (WildFly's MicroProfile JWT) finds this factory with the {@link java.util.ServiceLoader} of the WAR's
 * class loader ({@code META-INF/services}); it verifies with its own {@link DefaultJWTCallerPrincipalFactory}. Other
 * servers' MicroProfile JWT implementations do not read that service file.
 */
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    static final long RETENTION_SECONDS = 30;
    static final int CAPACITY = 2_000;

    record Verified(JWTCallerPrincipal principal, JWTAuthContextInfo context, long until) {
    }

    final JWTCallerPrincipalFactory verifier;
    final Clock clock;
    final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public VerifiedTokens() {
        this(new DefaultJWTCallerPrincipalFactory(), Clock.systemUTC());
    }

    VerifiedTokens(JWTCallerPrincipalFactory verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        long now = clock.millis() / 1000;
        var hit = verified.get(token);
        if (hit != null && hit.context() == context && now < hit.until()) return hit.principal();
        var principal = verifier.parse(token, context); // throws for a token that does not verify: nothing kept
        long until = Math.min(expiry(principal), now + RETENTION_SECONDS);
        if (until > now && room(now)) verified.put(token, new Verified(principal, context, until));
        return principal;
    }

    /** The token's {@code exp} in epoch seconds; none (not kept then) when it carries no number there. */
    static long expiry(JWTCallerPrincipal principal) {
        return principal.getClaim(Claims.exp.name()) instanceof Number exp ? exp.longValue() : Long.MIN_VALUE;
    }

    /** Whether one more entry fits, once the entries past their time are dropped. */
    boolean room(long now) {
        if (verified.size() < CAPACITY) return true;
        verified.values().removeIf(entry -> entry.until() <= now);
        return verified.size() < CAPACITY;
    }

    int size() {
        return verified.size();
    }
}
