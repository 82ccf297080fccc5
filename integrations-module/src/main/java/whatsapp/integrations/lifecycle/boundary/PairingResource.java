package whatsapp.integrations.lifecycle.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.evolution.instances.boundary.GuardedEvolution;
import whatsapp.evolution.instances.entity.Pairing;
import whatsapp.integrations.problems.entity.EvolutionUnavailable;

/** Pairing material (QR image, pairing code) from Evolution's connect call. */
@Path("/")
@RequestScoped
@RolesAllowed({"admin", "member"})
@Produces(MediaType.APPLICATION_JSON)
public class PairingResource {

    @Inject
    IntegrationsResource integrations;

    @Inject
    GuardedEvolution evolution;

    @EJB
    Ledger ledger;

    /** Longer than the connect call's time budget, so a crash mid-call still frees it. */
    static final java.time.Duration CONNECT_LEASE = java.time.Duration.ofSeconds(30);

    @GET
    @Path("{id}/qr")
    @Operation(summary = "QR code and pairing code to link the clinic's phone")
    @APIResponse(responseCode = "409", description = "Already connected, gone from Evolution, or another pairing request in progress")
    @APIResponse(responseCode = "503", description = "Evolution unreachable")
    public JsonObject qr(@PathParam("id") String id) {
        var integration = integrations.visible(id);
        String name = integration.instanceName();
        if (!ledger.leaseConnect(name, CONNECT_LEASE))
            throw new ClientErrorException("A pairing request for " + name + " is already in progress; retry in a few seconds",
                    Response.Status.CONFLICT);
        try {
            return answer(name, evolution.connect(name, Optional.empty()));
        } finally {
            ledger.releaseConnect(name);
        }
    }

    static JsonObject answer(String name, Pairing pairing) {
        if (pairing instanceof Pairing.QrCode qr) {
            return Json.createObjectBuilder()
                    .add("instance_name", name)
                    .add("qr_base64", qr.base64() == null ? JsonValue.NULL : Json.createValue(qr.base64()))
                    .add("pairing_code", qr.pairingCode() == null ? JsonValue.NULL : Json.createValue(qr.pairingCode()))
                    .build();
        }
        if (pairing instanceof Pairing.AlreadyConnected)
            throw new ClientErrorException("Instance " + name + " is already connected", Response.Status.CONFLICT);
        if (pairing instanceof Pairing.Missing)
            throw new ClientErrorException("Evolution no longer has instance " + name, Response.Status.CONFLICT);
        throw new EvolutionUnavailable(((Pairing.Unavailable) pairing).reason());
    }
}
