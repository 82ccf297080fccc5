package whatsapp.integrations.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import whatsapp.integrations.lifecycle.boundary.Caller;
import whatsapp.integrations.lifecycle.control.SqlValues;
import whatsapp.web.json.JsonContract;

/** Who created, reused, deleted or retired what, newest first. */
@Path("audit")
@RequestScoped
@RolesAllowed({"admin", "member"})
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Audit log; members see their own organization only")
    public JsonObject entries(@QueryParam("organization_id") String organizationId,
                              @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit) {
        if (!caller.admin() && (organizationId == null || !caller.maySee(organizationId))) throw new ForbiddenException();
        var query = em.createNativeQuery("""
                SELECT at, actor, action, organization_id, CAST(integration_id AS varchar), instance_name, reason
                FROM integrations.audit_log WHERE (CAST(?1 AS varchar) IS NULL OR organization_id = CAST(?1 AS varchar))
                ORDER BY at DESC, id DESC LIMIT ?2""")
                .setParameter(1, organizationId).setParameter(2, limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (Object[] row : rows) {
            entries.add(Json.createObjectBuilder()
                    .add("at", JsonContract.Millis.FORMAT.format(SqlValues.instant(row[0])))
                    .add("actor", (String) row[1])
                    .add("action", (String) row[2])
                    .add("organization_id", text(row[3]))
                    .add("integration_id", text(row[4]))
                    .add("instance_name", text(row[5]))
                    .add("reason", text(row[6])));
        }
        return Json.createObjectBuilder().add("entries", entries).build();
    }

    static JsonValue text(Object value) {
        return value == null ? JsonValue.NULL : Json.createValue(value.toString());
    }
}
