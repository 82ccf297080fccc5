package whatsapp.maintenance.runs.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import whatsapp.maintenance.runs.entity.Run;
import whatsapp.web.json.JsonContract;

/** History of cleanup and health runs, newest first. */
@Path("runs")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    @PersistenceContext
    EntityManager em;

    @GET
    public JsonObject runs(@QueryParam("type") @Pattern(regexp = "cleanup|health", message = "must be cleanup or health") String type,
                           @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(500) int limit) {
        var query = type == null
                ? em.createQuery("SELECT r FROM Run r ORDER BY r.startedAt DESC", Run.class)
                : em.createQuery("SELECT r FROM Run r WHERE r.type = :type ORDER BY r.startedAt DESC", Run.class)
                        .setParameter("type", type);
        query.setMaxResults(limit);
        JsonArrayBuilder runs = Json.createArrayBuilder();
        query.getResultStream().forEach(run -> runs.add(Json.createObjectBuilder()
                .add("id", run.id().toString())
                .add("type", run.type())
                .add("triggered_by", run.triggeredBy())
                .add("outcome", run.outcome())
                .add("started_at", JsonContract.Millis.FORMAT.format(run.startedAt()))
                .add("completed_at", run.completedAt() == null ? JsonValue.NULL
                        : Json.createValue(JsonContract.Millis.FORMAT.format(run.completedAt())))
                .add("summary", run.summary() == null ? JsonValue.NULL
                        : Json.createReader(new StringReader(run.summary())).readValue())));
        return Json.createObjectBuilder().add("runs", runs).build();
    }
}
