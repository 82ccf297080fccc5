package whatsapp.integrations.events.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.integrations.events.entity.CatchUp;
import whatsapp.integrations.events.entity.InstanceEvent;

/** Catch-up over HTTP: the events a worker missed, in sequence order, from the outbox (see docs/events.md). */
@Path("events")
@RequestScoped
@RolesAllowed({"admin", "worker", "member"})
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    @Inject
    EventLog log;

    @GET
    @Operation(summary = "Events after a sequence, oldest first; admins and workers see every organization, a member its own")
    @APIResponse(responseCode = "200", description = "Up to limit events with a sequence above after, in sequence order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstanceEvent.Page.class)))
    @APIResponse(responseCode = "400", description = "after is not a non-negative integer, or limit is not from 1 to 1000")
    @APIResponse(responseCode = "403", description = "A token without the admin, worker or member role, or a member token naming no organization")
    @APIResponse(responseCode = "410", description = "Events after that sequence were pruned (retention); resync from GET /integrations")
    public String events(
            @Parameter(description = "Sequence of the last event processed (0: from the oldest retained)", required = true,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, format = "int64",
                            minimum = "0"))
            @QueryParam("after") String after,
            @Parameter(description = "At most this many events (default 100)",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER,
                            minimum = "1", maximum = "1000", defaultValue = "100"))
            @QueryParam("limit") String limit) {
        return log.after(CatchUp.of(after, limit));
    }
}
