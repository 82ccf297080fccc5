package whatsapp.maintenance.drift.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.maintenance.drift.entity.WebhookCheckSummary;
import whatsapp.web.security.Actors;

/** Webhook drift on demand. Admins only. */
@Path("/")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookCheckResource {

    @EJB
    WebhookDriftCheck check;

    @Context
    SecurityContext security;

    @POST
    @Path("webhook-check")
    @Operation(summary = "Compare Evolution's stored webhook settings (GET /webhook/find) with ours (URL, enabled, events, "
            + "secret header) now, within the rate cap, and set ours again with a fresh secret where they differ; a null "
            + "while Evolution has not loaded the instance is retried later; findings list all but the ok ones (or the one "
            + "instance asked about)")
    @APIResponse(responseCode = "200", description = "counts and findings")
    @APIResponse(responseCode = "404", description = "no integration uses the instance name")
    public WebhookCheckSummary webhookCheck(@Parameter(description = "Check only this instance") @QueryParam("instance") String instance) {
        return check.checkNow(instance == null || instance.isBlank() ? null : instance,
                Actors.bounded(security.getUserPrincipal().getName()));
    }
}
