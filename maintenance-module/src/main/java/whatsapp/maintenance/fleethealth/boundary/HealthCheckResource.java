package whatsapp.maintenance.fleethealth.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.maintenance.fleethealth.entity.FleetStatus;
import whatsapp.maintenance.fleethealth.entity.HealthSummary;
import whatsapp.maintenance.fleethealth.entity.InstanceHistory;
import whatsapp.maintenance.problems.entity.RunInProgress;
import whatsapp.maintenance.runs.entity.RunType;
import whatsapp.web.paging.Cursor;
import whatsapp.web.problems.boundary.EvolutionUnavailable;
import whatsapp.web.security.Actors;

/** Fleet health: a sweep against Evolution, the recorded statuses, and one instance's history. Admins only. */
@Path("/")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class HealthCheckResource {

    @EJB
    HealthSweep sweep;

    @EJB
    FleetHealth health;

    @Context
    SecurityContext security;

    /** One fetchInstances call, one batched update; 503 and nothing changed when Evolution cannot be used. */
    @POST
    @Path("health-check")
    @Operation(summary = "Sweep the fleet: one fetchInstances call, one batched update; instances lists the unhealthy, "
            + "changed and uncheckable ones, the healthy rest is counted")
    @APIResponse(responseCode = "200", description = "health_summary")
    @APIResponse(responseCode = "409", description = "a sweep is already running somewhere in the cluster")
    @APIResponse(responseCode = "503", description = "Evolution unavailable; no status was changed")
    public SweepAnswer sweep() {
        return sweep.run(Actors.bounded(security.getUserPrincipal().getName())).match(
                done -> new SweepAnswer(true, done.summary()),
                skipped -> {
                    throw new RunInProgress(RunType.health);
                },
                unavailable -> {
                    throw new EvolutionUnavailable(unavailable.reason());
                });
    }

    /** The recorded statuses of every integration, from the database only: Evolution is not asked. */
    @GET
    @Path("health-check/status")
    @Operation(summary = "Recorded status of every integration, from the database only (no Evolution call), a page at "
            + "a time by instance name; the summary counts the whole fleet")
    @APIResponse(responseCode = "200", description = "summary, up to limit instances, next_cursor (null on the last page)")
    @APIResponse(responseCode = "400", description = "limit is not from 1 to 1000, or cursor is not a next_cursor")
    public FleetStatus status(@Parameter(description = "At most this many instances (default 100)")
                              @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "must be from 1 to 1000")
                              @Max(value = Cursor.MAX_LIMIT, message = "must be from 1 to 1000") int limit,
                              @Parameter(description = "next_cursor of the previous page; omit for the first page")
                              @QueryParam("cursor") String cursor) {
        return health.status(cursor, limit);
    }

    /** Status changes, newest first, over the last 30 days (and the change before, which the window starts in). */
    @GET
    @Path("instances/{instance_name}/history")
    @Operation(summary = "Status changes of one instance over the last 30 days, newest first (source sweep or webhook), "
            + "with uptime percentages over 24h, 7d and 30d")
    @APIResponse(responseCode = "200", description = "changes and uptime")
    @APIResponse(responseCode = "404", description = "no integration uses the name and it has no recorded history")
    public InstanceHistory history(@PathParam("instance_name") String instanceName) {
        return health.history(instanceName);
    }

    /** {"success": true, "health_summary": {...}} */
    @JsonbPropertyOrder({"success", "healthSummary"})
    public record SweepAnswer(boolean success, HealthSummary healthSummary) {
    }
}
