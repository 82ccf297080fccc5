package whatsapp.integrations;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** Root of /integrations; callers authenticate with MicroProfile JWT bearer tokens. */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
public class JAXRSConfiguration extends Application {
}
