package whatsapp.maintenance.liveness.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.maintenance.liveness.entity.ZombieCheckSummary;

/** Zombie detection on demand. Admins only. */
@Path("/")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ZombieCheckResource {

    @EJB
    ZombieCheck check;

    @POST
    @Path("zombie-check")
    @Operation(summary = "Probe connected instances now (POST /chat/whatsappNumbers with PROBE_NUMBER, one retry after a "
            + "short pause), within the cluster-wide rate cap: a dead one is recorded as a zombie, alerted once and "
            + "restarted by the auto-heal; findings list all but the alive ones (or the one instance asked about)")
    @APIResponse(responseCode = "200", description = "counts and findings")
    @APIResponse(responseCode = "404", description = "no integration uses the instance name")
    @APIResponse(responseCode = "409", description = "probing is off: PROBE_NUMBER is not set")
    public ZombieCheckSummary zombieCheck(@Parameter(description = "Probe only this instance") @QueryParam("instance") String instance) {
        return check.checkNow(instance == null || instance.isBlank() ? null : instance);
    }
}
