package whatsapp.maintenance.cache.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.web.security.Actors;

/** The Redis routing cache ({@code whatsapp:instance:<name>}). Admins only. */
@Path("cache")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class CacheResource {

    @EJB
    CacheRebuild rebuild;

    @Context
    SecurityContext security;

    @POST
    @Path("rebuild")
    @Operation(summary = "Rewrite the routing cache entry of every enabled integration not being deleted, "
            + "in one Redis batch (after a Redis restart or FLUSHALL; every health sweep does it too)")
    @APIResponse(responseCode = "200", description = "entries written")
    @APIResponse(responseCode = "503", description = "Redis unreachable; the cache was not rebuilt")
    public RebuildAnswer rebuildCache() {
        return new RebuildAnswer(true, rebuild.rebuild(Actors.bounded(security.getUserPrincipal().getName())));
    }

    /** {"success": true, "entries": n} */
    @JsonbPropertyOrder({"success", "entries"})
    public record RebuildAnswer(boolean success, int entries) {
    }
}
