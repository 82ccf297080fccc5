package whatsapp.maintenance;

import jakarta.enterprise.context.Dependent;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** Root of /maintenance: admins and the scheduler only. */
// a bean (annotated discovery), so that Payara's MP JWT extension sees its @LoginConfig and switches MP JWT on
@Dependent
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
public class JAXRSConfiguration extends Application {
}
