package whatsapp.integrations.api;

import jakarta.ejb.Local;
import java.util.List;

/**
 * What the integrations module publishes to the other modules of the EAR. The maintenance module
 * reaches it through this EJB view; it never reads the integrations schema itself.
 */
@Local
public interface Integrations {

    String LOOKUP = "java:app/integrations-module/IntegrationsFacade!whatsapp.integrations.api.Integrations";

    /** Every WhatsApp integration that is not yet removed, enabled or not. */
    List<IntegrationSummary> all();
}
