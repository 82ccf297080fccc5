package whatsapp.maintenance.heal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.integrations.api.Integrations;
import whatsapp.integrations.api.Status;
import whatsapp.maintenance.heal.control.HealPolicy;
import whatsapp.maintenance.heal.entity.RestartAnswer;
import whatsapp.web.problems.boundary.NotFound;
import whatsapp.web.problems.boundary.Problem;
import whatsapp.web.security.Actors;

/**
 * An operator's restart of one instance (the auto-heal's action, asked for by hand from the console): allowed only
 * where a restart can help, an integration that is {@code connecting} or {@code disconnected}. A restart does not
 * bring back an instance the phone removed (that needs a new QR scan); it reconnects one that lost its connection.
 * Audited under the caller's name. Admins only.
 */
@Path("instances/{instance_name}/restart")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class RestartResource {

    /** the statuses a restart is allowed in */
    public static final Set<Status> RESTARTABLE = Set.of(Status.connecting, Status.disconnected);

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "Restart an instance that is connecting or disconnected (Evolution's instance/restart); audited")
    @APIResponse(responseCode = "200", description = "Evolution restarted it; the next webhook or sweep tells whether it came back",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RestartAnswer.class)))
    @APIResponse(responseCode = "404", description = "No integration uses this instance name, or Evolution no longer has it")
    @APIResponse(responseCode = "409", description = "The integration is not connecting or disconnected, WhatsApp "
            + "ended its session (401/403: it needs a new pairing), or a pairing request or another restart of it is in progress")
    @APIResponse(responseCode = "502", description = "Evolution gave no usable answer")
    public Response restart(@PathParam("instance_name") String instanceName) {
        var integration = integrations.find(instanceName)
                .orElseThrow(() -> new NotFound("No integration uses the instance " + instanceName + "."));
        if (!RESTARTABLE.contains(integration.status())) {
            return conflict("A restart is allowed for a connecting or disconnected integration; " + instanceName + " is "
                    + integration.status() + ".");
        }
        if (needsNewPairing(integration.disconnectReason())) {
            return conflict("WhatsApp ended the session of " + instanceName + " (" + integration.disconnectReason()
                    + "): a restart cannot bring it back; the clinic must pair again with a new QR code.");
        }
        var result = integrations.restart(instanceName);
        var actor = Actors.bounded(security.getUserPrincipal().getName());
        return switch (result.outcome()) {
            case RESTARTED -> {
                integrations.audit(actor, "instance.restarted", List.of(instanceName), "restarted from the console");
                yield Response.ok(new RestartAnswer(true, instanceName, "restarted", result.detail())).build();
            }
            case MISSING -> throw new NotFound("Evolution no longer has the instance " + instanceName + ".");
            case BUSY -> conflict("A pairing request or another restart of " + instanceName + " is in progress; try again shortly.");
            case FAILED -> Problem.of("evolution-failed", "Bad Gateway", 502,
                    "Evolution did not restart " + instanceName + ": " + result.detail()).toResponse();
        };
    }

    /** After a 401 or 403 the credentials are gone: only a new QR scan helps (the auto-heal never restarts it either). */
    static boolean needsNewPairing(String disconnectReason) {
        return disconnectReason != null
                && HealPolicy.REPAIR_CODES.stream().anyMatch(code -> disconnectReason.endsWith("(" + code + ")"));
    }

    static Response conflict(String detail) {
        return Problem.of("restart-not-allowed", "Conflict", 409, detail).toResponse();
    }
}
