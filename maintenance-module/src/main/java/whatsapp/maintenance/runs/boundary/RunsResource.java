package whatsapp.maintenance.runs.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import whatsapp.maintenance.runs.entity.RunHistory;
import whatsapp.maintenance.runs.entity.RunType;

/** History of cleanup and health runs, newest first. */
@Path("runs")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    @EJB
    Runs runs;

    @GET
    public RunHistory runs(@QueryParam("type") @Pattern(regexp = "cleanup|health", message = "must be cleanup or health") String type,
                           @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(500) int limit) {
        return runs.history(type == null ? null : RunType.valueOf(type), limit);
    }
}
