package whatsapp.maintenance.alerts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import whatsapp.integrations.api.StatusesRecorded;

/**
 * Hears every recording of status changes, inside its transaction (a synchronous observer): the alerts it raises or
 * resolves commit with the change, or not at all.
 *
 * <p>The event is fired in the integrations module's WAR, so this bean is made on a thread of that WAR. {@code Alerts}
 * comes through CDI ({@code @Inject}, resolved by its global name), not {@code @EJB}: Payara looks an {@code @EJB}
 * reference up in the {@code java:comp/env} of the module on whose thread the bean is made, where the maintenance
 * module's references are not bound ({@code NameNotFoundException}, and the status change rolled back).
 */
@ApplicationScoped
public class AlertRaising {

    @Inject
    Alerts alerts;

    void recorded(@Observes StatusesRecorded recorded) {
        alerts.recorded(recorded);
    }
}
