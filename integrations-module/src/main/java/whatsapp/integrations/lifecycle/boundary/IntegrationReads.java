package whatsapp.integrations.lifecycle.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.lifecycle.entity.Integration;
import whatsapp.integrations.security.boundary.Caller;
import whatsapp.web.problems.boundary.InvalidInput;
import whatsapp.web.problems.boundary.NotFound;

/**
 * Reads of integration rows, without an EJB call or a transaction of their own: {@code GET /integrations/{id}} is
 * the hot path (thousands of reads a second), and a read needs neither.
 */
@ApplicationScoped
public class IntegrationReads {

    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    /** The integration with this id, if the caller may see it: 400 for an id that is not a UUID, else 404. */
    public Integration visible(String id) {
        return reachable(id, caller::maySee);
    }

    /** The integration with this id, if the caller may change it (delete, pair); 404 otherwise, as for a read. */
    public Integration changeable(String id) {
        return reachable(id, caller::mayActFor);
    }

    Integration reachable(String id, java.util.function.Predicate<String> organizationAllowed) {
        if (!UUID_TEXT.matcher(id).matches()) throw new InvalidInput("id", "must be a UUID");
        return find(UUID.fromString(id)).filter(integration -> organizationAllowed.test(integration.organizationId()))
                .orElseThrow(() -> new NotFound("No integration " + id + " is visible to you; GET /integrations?organization_id=... lists yours"));
    }

    public Optional<Integration> find(UUID id) {
        return Optional.ofNullable(em.find(Integration.class, id));
    }

    /** The organization's one enabled integration, if there is one. */
    public Optional<Integration> enabledFor(String organizationId) {
        return em.createNamedQuery(Integration.ENABLED_FOR, Integration.class)
                // a list, not a stream: an unclosed result stream would keep its connection while Evolution is called
                .setParameter("organization", organizationId).getResultList().stream().findFirst();
    }

    /** The organization's deletions still under way. */
    public List<Integration> deletingFor(String organizationId) {
        return em.createNamedQuery(Integration.STATUS_FOR, Integration.class)
                .setParameter("organization", organizationId).setParameter("status", Status.deleting).getResultList();
    }

    /** Newest first; {@code null}: every organization (the caller's right to ask is checked before). */
    public List<Integration> of(String organizationId) {
        var query = organizationId == null
                ? em.createNamedQuery(Integration.ALL, Integration.class)
                : em.createNamedQuery(Integration.BY_ORGANIZATION, Integration.class).setParameter("organization", organizationId);
        return query.getResultList();
    }
}
