package whatsapp.maintenance.orphans.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import whatsapp.maintenance.orphans.entity.CleanupSummary;
import whatsapp.maintenance.orphans.entity.OrphanReport;
import whatsapp.maintenance.problems.entity.RunInProgress;
import whatsapp.maintenance.runs.entity.RunType;
import whatsapp.web.problems.boundary.EvolutionUnavailable;
import whatsapp.web.security.Actors;

/** Orphaned instances and records: a dry-run check, and the guarded cleanup. Admins only. */
@Path("/")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class OrphansResource {

    @EJB
    OrphanCleanup cleanup;

    @Context
    SecurityContext security;

    @GET
    @Path("orphaned-instances/check")
    public OrphanReport check() {
        return cleanup.check();
    }

    @POST
    @Path("cleanup-orphaned-instances")
    public CleanupAnswer cleanup(@QueryParam("dry_run") @DefaultValue("false") boolean dryRun) {
        return cleanup.run(Actors.bounded(security.getUserPrincipal().getName()), dryRun).match(
                done -> new CleanupAnswer(!done.summary().aborted(), done.summary()),
                skipped -> {
                    throw new RunInProgress(RunType.cleanup);
                },
                unavailable -> {
                    throw new EvolutionUnavailable(unavailable.reason());
                });
    }

    /** {"success": ..., "cleanup_summary": {...}}; success is false when a guard aborted the run. */
    @JsonbPropertyOrder({"success", "cleanupSummary"})
    public record CleanupAnswer(boolean success, CleanupSummary cleanupSummary) {
    }
}
