package whatsapp.integrations.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import whatsapp.web.problems.boundary.Forbidden;
import whatsapp.web.security.Actors;

/**
 * Who is calling: an admin (all organizations), a worker (reads every organization's integrations and events, changes
 * nothing: the resources' roles keep it to reads) or a member of one organization ({@code organization_id} claim).
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public boolean admin() {
        return token.getGroups() != null && token.getGroups().contains("admin");
    }

    /** Admins and workers (the {@code worker} group: background consumers of the events) see every organization. */
    public boolean seesEveryOrganization() {
        return admin() || (token.getGroups() != null && token.getGroups().contains("worker"));
    }

    /** A member's organization; a member token without one may see nothing (403). */
    public String requiredOrganization() {
        String organization = organization();
        if (organization == null) throw new Forbidden("This token names no organization (claim organization_id)");
        return organization;
    }

    public String organization() {
        Object claim = token.getClaim("organization_id");
        return claim == null ? null : claim.toString().replace("\"", "");
    }

    /** Admins and workers see everything; a member only its own organization's rows. */
    public boolean maySee(String organizationId) {
        return seesEveryOrganization() || organizationId.equals(organization());
    }

    /**
     * Changing a row (delete, pairing) and reading the audit log: admins, or a member of the row's organization.
     * Never the worker group's read access, even for a token that carries both groups.
     */
    public boolean mayActFor(String organizationId) {
        return admin() || organizationId.equals(organization());
    }

    /** A member acts for its own organization only: 403 with what to do otherwise. */
    public void requireMayActFor(String organizationId) {
        if (!mayActFor(organizationId)) throw new Forbidden("A member may act only for its own organization ("
                + organization() + "); use that organization_id, or an admin token for another one");
    }

    /** A member lists its own organization only, and must name it; admins and workers may list everything ({@code null}). */
    public void requireMayList(String organizationId) {
        if (seesEveryOrganization()) return;
        requireOwnOrganization(organizationId);
    }

    /** The audit log: admins everything ({@code null}); anyone else names its own organization. */
    public void requireMayReadAudit(String organizationId) {
        if (admin()) return;
        requireOwnOrganization(organizationId);
    }

    void requireOwnOrganization(String organizationId) {
        if (organizationId == null) throw new Forbidden("A member must name its own organization: add ?organization_id="
                + organization());
        requireMayActFor(organizationId);
    }

    /** For the audit log: "user:alice", bounded to the actor columns' width ({@link Actors#bounded}). */
    public String actor() {
        return Actors.bounded("user:" + token.getName());
    }
}
