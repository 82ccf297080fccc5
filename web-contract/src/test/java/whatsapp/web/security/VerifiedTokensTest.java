package whatsapp.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    static final long NOW = 1_800_000_000L;

    /** A principal with the given claims (the real one wraps jose4j's claims). */
    static final class Principal extends JWTCallerPrincipal {
        final Map<String, Object> claims;

        Principal(String token, Map<String, Object> claims) {
            super(token, "JWT");
            this.claims = claims;
        }

        @Override
        protected Collection<String> doGetClaimNames() {
            return claims.keySet();
        }

        @Override
        protected Object getClaimValue(String claimName) {
            return claims.get(claimName);
        }
    }

    /** The real verification's stand-in: tokens "bad…" fail, the others carry {@code exp} = their number after '@'. */
    static final class Verifier extends JWTCallerPrincipalFactory {
        final List<String> verified = new ArrayList<>();

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
            verified.add(token);
            if (token.startsWith("bad")) throw new ParseException("signature does not match");
            int at = token.indexOf('@');
            return new Principal(token, at < 0 ? Map.of("sub", token) : Map.of("sub", token, "exp", Long.parseLong(token.substring(at + 1))));
        }
    }

    final Verifier verifier = new Verifier();
    final JWTAuthContextInfo context = new JWTAuthContextInfo();
    long seconds = NOW;
    final VerifiedTokens tokens = new VerifiedTokens(verifier, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(seconds);
        }
    });

    @Test
    void theSameTokenIsVerifiedOnceWithinItsRetentionThenAgain() throws Exception {
        String token = "alice@" + (NOW + 3600);
        var first = tokens.parse(token, context);
        seconds += VerifiedTokens.RETENTION_SECONDS - 1;
        assertThat(tokens.parse(token, context)).isSameAs(first);
        assertThat(verifier.verified).containsExactly(token);

        seconds += 1; // the retention is over: the full verification again
        assertThat(tokens.parse(token, context)).isNotSameAs(first);
        assertThat(verifier.verified).containsExactly(token, token);
    }

    @Test
    void aTokenIsNeverAnsweredFromMemoryAtOrAfterItsExp() throws Exception {
        String token = "bob@" + (NOW + 10);
        tokens.parse(token, context);
        seconds = NOW + 9;
        tokens.parse(token, context);
        assertThat(verifier.verified).hasSize(1);
        seconds = NOW + 10;
        tokens.parse(token, context);
        assertThat(verifier.verified).as("at exp: verified again (which applies the clock skew and rejects it)").hasSize(2);
    }

    @Test
    void aFailedVerificationIsNeverKeptAndNeitherIsATokenWithoutExp() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.parse("bad-token", context)).isInstanceOf(ParseException.class);
            tokens.parse("no-expiry", context);
        }
        assertThat(verifier.verified).containsExactly("bad-token", "no-expiry", "bad-token", "no-expiry");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void anotherVerificationContextDoesNotShareTheEntries() throws Exception {
        String token = "carol@" + (NOW + 3600);
        tokens.parse(token, context);
        tokens.parse(token, new JWTAuthContextInfo());
        assertThat(verifier.verified).hasSize(2);
    }

    @Test
    void atCapacityEntriesPastTheirTimeMakeRoomAndOtherwiseTokensAreVerifiedEachTime() throws Exception {
        for (int i = 0; i < VerifiedTokens.CAPACITY; i++) tokens.parse("t" + i + "@" + (NOW + 5), context);
        tokens.parse("late@" + (NOW + 3600), context);
        tokens.parse("late@" + (NOW + 3600), context);
        assertThat(verifier.verified.stream().filter(t -> t.startsWith("late"))).as("full: not kept").hasSize(2);

        seconds = NOW + 5; // every earlier entry is past its exp
        tokens.parse("late@" + (NOW + 3600), context);
        tokens.parse("late@" + (NOW + 3600), context);
        assertThat(verifier.verified.stream().filter(t -> t.startsWith("late"))).as("room again: kept").hasSize(3);
        assertThat(tokens.size()).isEqualTo(1);
    }
}
