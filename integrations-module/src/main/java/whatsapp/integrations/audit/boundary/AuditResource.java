package whatsapp.integrations.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.integrations.audit.entity.AuditEntry;
import whatsapp.integrations.security.boundary.Caller;

/** Who created, reused, deleted or retired what, newest first. */
@Path("audit")
@RequestScoped
@RolesAllowed({"admin", "member"})
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Audit log, newest first; members must name their own organization")
    @APIResponse(responseCode = "200", description = "The entries")
    @APIResponse(responseCode = "403", description = "A member named another organization, or none")
    public AuditAnswer entries(@QueryParam("organization_id") String organizationId,
                               @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit) {
        caller.requireMayReadAudit(organizationId);
        return new AuditAnswer(trail.newest(organizationId, limit));
    }

    public record AuditAnswer(List<AuditEntry> entries) {
    }
}
