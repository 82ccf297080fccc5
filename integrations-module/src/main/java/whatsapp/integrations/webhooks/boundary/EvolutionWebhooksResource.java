package whatsapp.integrations.webhooks.boundary;

import static whatsapp.web.json.JsonP.JSON;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.evolution.instances.boundary.GuardedEvolution;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.integrations.lifecycle.control.WebhookSecret;
import whatsapp.integrations.status.boundary.StatusBook;
import whatsapp.integrations.webhooks.entity.CloseReasons;
import whatsapp.integrations.webhooks.entity.Delivery;

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
    StatusBook statusBook;

    @Inject
    GuardedEvolution evolution;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evolution webhook deliveries (connection.update, qrcode.updated)")
    @APIResponse(responseCode = "200", description = "Applied")
    @APIResponse(responseCode = "202", description = "Ignored: unknown instance, other event, or older than the stored state")
    @APIResponse(responseCode = "400", description = "Not a webhook delivery")
    @APIResponse(responseCode = "401", description = "Missing or wrong secret; nothing changed")
    public Response receive(@HeaderParam(WebhookSecret.HEADER) String secret, JsonObject body) {
        Instant receivedAt = Instant.now();
        var delivery = Delivery.of(body);
        var target = statusBook.webhookTarget(delivery.instance());
        if (target.isEmpty()) return ignored("unknown instance");
        if (!WebhookSecret.matches(secret, target.get())) throw new NotAuthorizedException("Bearer");
        var observation = delivery.observation(receivedAt);
        if (observation.isEmpty()) return ignored("event " + delivery.event() + " does not change the status");
        var seen = observation.get();
        if (CloseReasons.LOGGED_OUT.equals(seen.disconnectReason())) {
            seen = new whatsapp.integrations.api.Observation(seen.instanceName(), seen.status(), seen.phoneNumber(),
                    whyLoggedOut(seen.instanceName()), seen.observedAt());
        }
        var applied = statusBook.observeWebhook(seen, delivery.dateTime());
        if (applied.isEmpty()) return ignored("older than the state already recorded");
        return Response.ok(JSON.createObjectBuilder().add("applied", true).add("status", applied.get()).build()).build();
    }

    /** A 401 close is a device removal or an API logout: only Evolution's disconnectionObject tells. */
    String whyLoggedOut(String instanceName) {
        if (evolution.lookup(instanceName) instanceof Lookup.Found found) {
            return found.instance().disconnectReason().orElse(CloseReasons.LOGGED_OUT);
        }
        return CloseReasons.LOGGED_OUT;
    }

    static Response ignored(String why) {
        return Response.accepted(JSON.createObjectBuilder().add("applied", false).add("reason", why).build()).build();
    }

}
