package whatsapp.maintenance.alerts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.maintenance.alerts.entity.AlertState;
import whatsapp.maintenance.alerts.entity.AlertView;
import whatsapp.web.problems.boundary.InvalidInput;
import whatsapp.web.security.Actors;

/** The alerts, newest first, and their acknowledgement by an operator. Admins only. */
@Path("alerts")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    @EJB
    Alerts alerts;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Alerts, newest first: open, acknowledged or resolved, with what the receiver is still owed")
    @APIResponse(responseCode = "200", description = "Up to limit alerts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertView.Page.class)))
    @APIResponse(responseCode = "400", description = "state is not open, acknowledged or resolved, or limit not from 1 to 500")
    public AlertView.Page list(
            @Parameter(description = "Only alerts in this state (default: every state)",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"open", "acknowledged", "resolved"}))
            @QueryParam("state") String state,
            @Parameter(description = "At most this many alerts (default 100)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "100"))
            @QueryParam("limit") Integer limit) {
        return new AlertView.Page(alerts.list(state(state), limit(limit)));
    }

    @POST
    @Path("{id}/acknowledge")
    @Operation(summary = "Acknowledge an open alert: no reminder follows; audited under the caller's name")
    @APIResponse(responseCode = "200", description = "The alert, acknowledged (or already acknowledged or resolved: unchanged)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such alert")
    public AlertView acknowledge(@PathParam("id") String id) {
        return alerts.acknowledge(id(id), Actors.bounded(security.getUserPrincipal().getName())).alert();
    }

    static AlertState state(String state) {
        if (state == null) return null;
        try {
            return AlertState.of(state);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("state", "must be open, acknowledged or resolved");
        }
    }

    /** @param limit null when absent; a value that is not a plain integer never gets here (StrictParameters) */
    static int limit(Integer limit) {
        if (limit == null) return 100;
        if (limit >= 1 && limit <= 500) return limit;
        throw new InvalidInput("limit", "must be an integer from 1 to 500");
    }

    static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("id", "must be an alert id (a UUID)");
        }
    }
}
