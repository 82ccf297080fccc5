package whatsapp.integrations.pairing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.integrations.lifecycle.boundary.IntegrationReads;
import whatsapp.integrations.pairing.entity.PairingAnswer;
import whatsapp.integrations.pairing.entity.PairingRequest;
import whatsapp.integrations.pairing.entity.PairingSession;
import whatsapp.web.problems.boundary.InvalidInput;

/** Pairing the clinic's phone: a QR code (or pairing code) now, or a pairing session streamed as server-sent events. */
@Path("/")
@RequestScoped
@RolesAllowed({"admin", "member"})
@Produces(MediaType.APPLICATION_JSON)
public class PairingResource {

    static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d{8,15}");
    static final java.util.regex.Pattern EVENT_ID = java.util.regex.Pattern.compile("\\d{1,18}");

    @Inject
    IntegrationReads reads;

    @EJB
    Pairings pairings;

    @EJB
    PairingFeed feed;

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

    @POST
    @Path("{id}/pairing")
    @Operation(summary = "Start pairing the clinic's phone again (or get the running session's current code)",
            description = "Follow the session with GET /integrations/{id}/pairing/events.")
    @RequestBody(required = false, description = "Optional (no body: QR only): {\"number\": \"5511999990000\"} for an 8-character pairing code as well",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PairingRequest.class)))
    @APIResponse(responseCode = "201", description = "A session was started: its first code",
            content = @Content(schema = @Schema(implementation = PairingSession.class)))
    @APIResponse(responseCode = "200", description = "A session runs already: its current code",
            content = @Content(schema = @Schema(implementation = PairingSession.class)))
    @APIResponse(responseCode = "400", description = "A number that is not 8 to 15 digits, or malformed JSON")
    @APIResponse(responseCode = "415", description = "A body that is not application/json")
    @APIResponse(responseCode = "404", description = "Unknown, or another organization's")
    @APIResponse(responseCode = "409", description = "Already connected, gone from Evolution, or another pairing request still starting")
    @APIResponse(responseCode = "503", description = "Evolution unreachable; nothing was started")
    public Response startPairing(@PathParam("id") String id, @HeaderParam("Content-Type") String contentType,
                                 @Parameter(hidden = true) String body) {
        var integration = reads.changeable(id);
        var number = number(contentType, body);
        if (number.isPresent() && !NUMBER.matcher(number.get()).matches())
            throw new InvalidInput("number", "must be the WhatsApp number as 8 to 15 digits with the country code, e.g. 5511999990000");
        var started = pairings.start(integration, number);
        return Response.status(started.created() ? Response.Status.CREATED : Response.Status.OK).entity(started.session()).build();
    }

    @GET
    @Path("{id}/pairing/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The pairing session as server-sent events: qr, then connected, refused or expired",
            description = "A fresh stream starts with the running session's current code. Event ids increase; a stream "
                    + "reconnecting with Last-Event-ID (or ?last_event_id=) resumes after that event. Works on any node.")
    @APIResponse(responseCode = "200", description = "text/event-stream: events qr, connected, refused, expired (the last three end it)",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "400", description = "A Last-Event-ID that is not a non-negative integer")
    @APIResponse(responseCode = "404", description = "Unknown, or another organization's")
    public void pairingEvents(@PathParam("id") String id,
                       @Parameter(description = "Resume after this event id (the header a reconnecting EventSource sends)")
                       @HeaderParam("Last-Event-ID") String lastEventIdHeader,
                       @Parameter(description = "Resume after this event id (for a first connection, which cannot set the header)")
                       @QueryParam("last_event_id") String lastEventIdQuery,
                       @Context SseEventSink sink, @Context Sse sse) {
        var integration = reads.changeable(id);
        var lastEventId = eventId(lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader : lastEventIdQuery);
        feed.listen(sink, sse, integration.id(), lastEventId);
    }

    /** The optional body: none (or blank) is a QR-only session; otherwise JSON {@code {"number": "..."}}. */
    static Optional<String> number(String contentType, String body) {
        if (body == null || body.isBlank()) return Optional.empty();
        if (!json(contentType))
            throw new jakarta.ws.rs.NotSupportedException("The body must be application/json: {\"number\": \"5511999990000\"}, or none");
        var json = jakarta.json.Json.createReader(new java.io.StringReader(body)).readValue();
        if (!(json instanceof jakarta.json.JsonObject object)) throw new InvalidInput("body", "must be a JSON object");
        var number = object.get("number");
        if (number == null || number == jakarta.json.JsonValue.NULL) return Optional.empty();
        if (!(number instanceof jakarta.json.JsonString text)) throw new InvalidInput("number", "must be a string of digits");
        return Optional.of(text.getString()).filter(n -> !n.isBlank());
    }

    static boolean json(String contentType) {
        try {
            return contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    static Long eventId(String text) {
        if (text == null || text.isBlank()) return null;
        if (!EVENT_ID.matcher(text.strip()).matches())
            throw new InvalidInput("Last-Event-ID", "must be the id of an event of this stream (a non-negative integer)");
        return Long.parseLong(text.strip());
    }
}
