package whatsapp.maintenance.windows.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.maintenance.windows.entity.Window;
import whatsapp.maintenance.windows.entity.WindowRequest;
import whatsapp.web.problems.boundary.InvalidInput;
import whatsapp.web.problems.boundary.Problem;
import whatsapp.web.security.Actors;

/** Maintenance windows: planned, listed, ended early. Admins only. */
@Path("windows")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class WindowsResource {

    @EJB
    MaintenanceWindows windows;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plan a maintenance window: from starts_at to ends_at (at most MAINTENANCE_WINDOW_MAX_HOURS, 24 h), "
            + "sweeps still record but alerts and the auto-heal are held for the instances on its servers (servers left "
            + "out: every server); at its end the fleet is compared with its start and one summary alert goes out")
    @APIResponse(responseCode = "201", description = "The window (state active when it starts now: the fleet is recorded already)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Window.class)))
    @APIResponse(responseCode = "400", description = "ends_at not after starts_at or in the past, too long, starts_at more "
            + "than 30 days ahead, no reason, or a server that is not configured; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createWindow(@NotNull(message = "a JSON body is required") @Valid WindowRequest request, @Context UriInfo uri) {
        var window = windows.create(request, actor());
        return Response.created(uri.getAbsolutePathBuilder().path(window.id().toString()).build()).entity(window).build();
    }

    @GET
    @Operation(summary = "Maintenance windows, newest start first: every one not over and compared yet, and those that "
            + "ended within the last days")
    @APIResponse(responseCode = "200", description = "Up to limit windows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Window.Page.class)))
    @APIResponse(responseCode = "400", description = "limit not from 1 to 500, or days not from 1 to 90",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Window.Page listWindows(
            @Parameter(description = "Ended windows are listed this many days (default 7)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "90", defaultValue = "7"))
            @QueryParam("days") Integer days,
            @Parameter(description = "At most this many windows (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
            @QueryParam("limit") Integer limit) {
        return new Window.Page(windows.list(Duration.ofDays(bounded("days", days, 7, 90)), bounded("limit", limit, 50, 500)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "End a maintenance window now: the fleet is compared with its start and the summary alert goes "
            + "out at once; a window not started yet is cancelled (nothing compared, no alert); one already over is "
            + "answered as it is")
    @APIResponse(responseCode = "200", description = "The window, ended (with its summary) or cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Window.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such window",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Window endWindow(@PathParam("id") String id) {
        return windows.end(id(id), actor());
    }

    String actor() {
        return Actors.bounded(security.getUserPrincipal().getName());
    }

    static int bounded(String name, Integer value, int fallback, int max) {
        if (value == null) return fallback;
        if (value >= 1 && value <= max) return value;
        throw new InvalidInput(name, "must be an integer from 1 to " + max);
    }

    static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("id", "must be a maintenance window id (a UUID)");
        }
    }
}
