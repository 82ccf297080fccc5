package whatsapp.integrations.pairing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.integrations.lifecycle.boundary.IntegrationReads;
import whatsapp.integrations.pairing.entity.PairingAnswer;

/** Pairing material (QR image, pairing code) from Evolution's connect call. */
@Path("/")
@RequestScoped
@RolesAllowed({"admin", "member"})
@Produces(MediaType.APPLICATION_JSON)
public class PairingResource {

    @Inject
    IntegrationReads reads;

    @EJB
    Pairings pairings;

    @GET
    @Path("{id}/qr")
    @Operation(summary = "QR code and pairing code to link the clinic's phone")
    @APIResponse(responseCode = "200", description = "The QR code (or pairing code) to scan now")
    @APIResponse(responseCode = "404", description = "Unknown, or another organization's")
    @APIResponse(responseCode = "409", description = "Already connected, gone from Evolution, or another pairing request in progress")
    @APIResponse(responseCode = "503", description = "Evolution unreachable")
    public PairingAnswer qr(@PathParam("id") String id) {
        return pairings.qr(reads.changeable(id).instanceName());
    }
}
