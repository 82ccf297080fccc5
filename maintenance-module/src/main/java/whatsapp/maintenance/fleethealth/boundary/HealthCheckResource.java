package whatsapp.maintenance.fleethealth.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Integrations;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusChange;
import whatsapp.maintenance.fleethealth.control.Uptime;
import whatsapp.maintenance.fleethealth.entity.HealthSummary;
import whatsapp.maintenance.fleethealth.entity.Sweep;
import whatsapp.maintenance.problems.entity.RunInProgress;
import whatsapp.maintenance.problems.entity.UnknownInstance;
import whatsapp.web.json.JsonContract;
import whatsapp.web.problems.boundary.EvolutionUnavailable;

/** Fleet health: a sweep against Evolution, the recorded statuses, and one instance's history. Admins only. */
@Path("/")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class HealthCheckResource {

    @EJB
    SweepRuns sweeps;

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

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
        var result = sweeps.run(security.getUserPrincipal().getName());
        if (result instanceof Sweep.Skipped) throw new RunInProgress("health");
        if (result instanceof Sweep.Unavailable unavailable) throw new EvolutionUnavailable(unavailable.reason());
        return new SweepAnswer(true, ((Sweep.Done) result).summary());
    }

    /** The recorded statuses of every integration, from the database only: Evolution is not asked. */
    @GET
    @Path("health-check/status")
    @Operation(summary = "Recorded status of every integration, from the database only (no Evolution call)")
    public StatusAnswer status() {
        var rows = integrations.inventory();
        var instances = new ArrayList<InstanceStatus>(rows.size());
        int healthy = 0;
        for (var row : rows) {
            boolean isHealthy = row.status().healthy();
            if (isHealthy) healthy++;
            instances.add(new InstanceStatus(row.instanceName(), row.organizationId(), row.status(), row.enabled(), isHealthy,
                    row.connectedAt(), row.disconnectReason(), row.updatedAt()));
        }
        instances.sort((a, b) -> a.instanceName().compareTo(b.instanceName()));
        return new StatusAnswer(true, new Counts(rows.size(), healthy, rows.size() - healthy), instances);
    }

    /** Status changes, newest first, over the last 30 days (and the change before, which the window starts in). */
    @GET
    @Path("instances/{instance_name}/history")
    @Operation(summary = "Status changes of one instance over the last 30 days, newest first (source sweep or webhook), "
            + "with uptime percentages over 24h, 7d and 30d")
    @APIResponse(responseCode = "200", description = "changes and uptime")
    @APIResponse(responseCode = "404", description = "no integration uses the name and it has no recorded history")
    public JsonObject history(@PathParam("instance_name") String instanceName) {
        var now = Instant.now();
        List<StatusChange> changes = integrations.history(instanceName, now.minus(Uptime.MONTH));
        Status status = changes.isEmpty() ? null : changes.get(changes.size() - 1).to();
        if (changes.isEmpty()) {
            status = integrations.find(instanceName).map(IntegrationSummary::status)
                    .orElseThrow(() -> new UnknownInstance(instanceName));
        }
        var uptime = Json.createObjectBuilder()
                .add("24h", Uptime.percent(changes, now.minus(Uptime.DAY), now))
                .add("7d", Uptime.percent(changes, now.minus(Uptime.WEEK), now))
                .add("30d", Uptime.percent(changes, now.minus(Uptime.MONTH), now));
        var newestFirst = new ArrayList<>(changes);
        Collections.reverse(newestFirst);
        var list = Json.createArrayBuilder();
        for (var change : newestFirst) {
            list.add(Json.createObjectBuilder()
                    .add("from", change.from().name())
                    .add("to", change.to().name())
                    .add("reason", change.reason() == null ? JsonValue.NULL : Json.createValue(change.reason()))
                    .add("at", JsonContract.Millis.FORMAT.format(change.at()))
                    .add("source", change.source().name()));
        }
        return Json.createObjectBuilder()
                .add("success", true)
                .add("instance_name", instanceName)
                .add("status", status.name())
                .add("uptime", uptime)
                .add("changes", list)
                .build();
    }

    /** {"success": true, "health_summary": {...}} */
    public record SweepAnswer(boolean success, HealthSummary healthSummary) {
    }

    public record StatusAnswer(boolean success, Counts summary, List<InstanceStatus> instances) {
    }

    public record Counts(int total, int healthy, int unhealthy) {
    }

    public record InstanceStatus(String instanceName, String organizationId, Status status, boolean enabled, boolean healthy,
                                 Instant connectedAt, String disconnectReason, Instant lastUpdated) {
    }
}
