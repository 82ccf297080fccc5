package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Integrations;
import whatsapp.integrations.lifecycle.entity.Integration;

/** The published view of this module for the other modules of the EAR. */
@Stateless
public class IntegrationsFacade implements Integrations {

    @PersistenceContext
    EntityManager em;

    @Override
    public List<IntegrationSummary> all() {
        return em.createNamedQuery(Integration.ALL, Integration.class).getResultStream()
                .map(IntegrationsFacade::summary)
                .toList();
    }

    static IntegrationSummary summary(Integration i) {
        return new IntegrationSummary(i.id(), i.organizationId(), i.instanceName(), i.status().name(), i.enabled(),
                i.phoneNumber(), i.connectedAt(), i.disconnectReason(), i.createdAt(), i.updatedAt());
    }
}
