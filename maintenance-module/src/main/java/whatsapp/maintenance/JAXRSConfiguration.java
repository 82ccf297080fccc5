package whatsapp.maintenance;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** Root of /maintenance: admins and the scheduler only. */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
public class JAXRSConfiguration extends Application {
}
