package whatsapp.maintenance.alerts.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import whatsapp.integrations.api.StatusesRecorded;

/**
 * Hears every recording of status changes, inside its transaction (a synchronous observer): the alerts it raises or
 * resolves commit with the change, or not at all.
 */
@ApplicationScoped
public class AlertRaising {

    @EJB
    Alerts alerts;

    void recorded(@Observes StatusesRecorded recorded) {
        alerts.recorded(recorded);
    }
}
