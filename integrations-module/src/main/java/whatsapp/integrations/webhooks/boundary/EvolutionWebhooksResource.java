package whatsapp.integrations.webhooks.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.integrations.webhooks.control.WebhookSecret;
import whatsapp.integrations.webhooks.entity.WebhookAnswer;

/**
 * Evolution's deliveries for the instances we created. Authenticated by the per-instance secret
 * in {@code x-evolution-secret} (constant-time compare against its stored hash); answered fast.
 */
@Path("webhooks/evolution")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class EvolutionWebhooksResource {

    @EJB
    Deliveries deliveries;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evolution webhook deliveries (connection.update, qrcode.updated)")
    @APIResponse(responseCode = "200", description = "Applied (applied true, the status now recorded)")
    @APIResponse(responseCode = "202", description = "Ignored, nothing changed (applied false, reason says why): unknown instance, other event, "
            + "the same delivery again, older than the last delivery applied or than the recorded state")
    @APIResponse(responseCode = "400", description = "Not a webhook delivery")
    @APIResponse(responseCode = "401", description = "Missing or wrong secret; nothing changed")
    public Response receive(@HeaderParam(WebhookSecret.HEADER) String secret, JsonObject body) {
        WebhookAnswer answer = deliveries.receive(secret, body);
        return (answer.applied() ? Response.ok(answer) : Response.accepted(answer)).build();
    }
}
