package whatsapp.maintenance.live.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Server-sent events for the operations console: status changes ({@code status}, the outbox event as on Redis),
 * alerts that were raised, reminded, acknowledged or resolved ({@code alert}, as {@code GET /maintenance/alerts}
 * shows one) and runs that ended ({@code run}, as {@code GET /maintenance/runs} shows one). Admins only.
 */
@Path("stream")
@RequestScoped
@RolesAllowed("admin")
public class StreamResource {

    @EJB
    LiveFeed feed;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live: status changes, alerts and run results as server-sent events, from any node of the cluster")
    @APIResponse(responseCode = "200", description = "An endless text/event-stream: events hello, status, alert and run",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = String.class)))
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        feed.listen(sink, sse);
    }
}
