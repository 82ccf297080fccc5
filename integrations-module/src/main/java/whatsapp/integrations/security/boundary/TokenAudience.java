package whatsapp.integrations.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Says at boot whether bearer tokens are checked for their audience. MicroProfile JWT checks {@code aud} only when
 * {@code mp.jwt.verify.audiences} (environment {@code MP_JWT_VERIFY_AUDIENCES}) is set; without it any token the
 * issuer signed for any other service of the same identity provider is accepted here. Unset stays allowed (an
 * upgrade must not lock every caller out), but it is a warning in the server log at every boot.
 */
@ApplicationScoped
public class TokenAudience {

    static final Logger LOG = Logger.getLogger(TokenAudience.class.getName());
    static final String SETTING = "mp.jwt.verify.audiences";

    void atBoot(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Optional<String> audiences = ConfigProvider.getConfig().getOptionalValue(SETTING, String.class);
        if (audiences.isEmpty() || audiences.get().isBlank()) {
            LOG.warning("MP_JWT_VERIFY_AUDIENCES is not set: tokens are accepted whatever their audience (aud). "
                    + "Set it to the audience your identity provider issues for this service.");
        } else {
            LOG.info("Bearer tokens must name one of these audiences (aud): " + audiences.get());
        }
    }
}
