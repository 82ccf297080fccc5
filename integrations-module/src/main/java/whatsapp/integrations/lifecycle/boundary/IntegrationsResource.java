package whatsapp.integrations.lifecycle.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.integrations.lifecycle.entity.CreateAnswer;
import whatsapp.integrations.lifecycle.entity.CreateRequest;
import whatsapp.integrations.lifecycle.entity.IntegrationPage;
import whatsapp.integrations.lifecycle.entity.IntegrationView;
import whatsapp.integrations.lifecycle.entity.MonitoringRequest;
import whatsapp.integrations.security.boundary.Caller;
import whatsapp.web.paging.Cursor;
import whatsapp.web.problems.boundary.NotFound;
import whatsapp.web.problems.boundary.Problem;

@Path("/")
@ApplicationScoped
@RolesAllowed({"admin", "member"})
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationsResource {

    @EJB
    Provisioning provisioning;

    @EJB
    Retirement retirement;

    @Inject
    IntegrationReads reads;

    @EJB
    MonitoringPauses monitoring;

    @Inject
    Caller caller;

    @POST
    @Path("whatsapp")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create the organization's WhatsApp integration, or reuse the live one")
    @APIResponse(responseCode = "201", description = "Created a new Evolution instance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateAnswer.class)))
    @APIResponse(responseCode = "200", description = "Evolution confirmed the existing instance; reused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateAnswer.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A member asked for another organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A deletion or creation for this organization is still under way, "
            + "or too many creates of it wait already",
            headers = @Header(name = "Retry-After", description = "seconds to wait before retrying",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Evolution unreachable; nothing created or deleted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull(message = "a JSON body is required") @Valid CreateRequest request,
                           @HeaderParam("Idempotency-Key") @Size(max = 200, message = "must be at most 200 characters") String key,
                           @Context UriInfo uri) {
        caller.requireMayActFor(request.organizationId());
        var answer = provisioning.createOrReuse(request.organizationId(), caller.actor(), key, uri.getBaseUri());
        var response = Response.status(answer.status()).entity(answer.body()).type(MediaType.APPLICATION_JSON);
        if (answer.location() != null) response.location(URI.create(answer.location()));
        if (answer.replayed()) response.header("Idempotent-Replayed", "true");
        return response.build();
    }

    @GET
    @RolesAllowed({"admin", "worker", "member"})
    @Operation(summary = "List integrations, newest first, a page at a time; members must name their own organization")
    @APIResponse(responseCode = "200", description = "Up to limit integrations, newest first; next_cursor names the next "
            + "page, null on the last", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IntegrationPage.class)))
    @APIResponse(responseCode = "400", description = "limit is not from 1 to 1000, or cursor is not a next_cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A member asked for another organization, or for all",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IntegrationPage list(@QueryParam("organization_id") String organizationId,
                                @Parameter(description = "At most this many integrations (default 100)")
                                @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "must be from 1 to 1000")
                                @Max(value = Cursor.MAX_LIMIT, message = "must be from 1 to 1000") int limit,
                                @Parameter(description = "next_cursor of the previous page; omit for the first page")
                                @QueryParam("cursor") String cursor) {
        caller.requireMayList(organizationId);
        return reads.page(organizationId, cursor, limit);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "worker", "member"})
    @Operation(summary = "One integration")
    @APIResponse(responseCode = "200", description = "The integration",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntegrationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or another organization's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IntegrationView find(@PathParam("id") String id) {
        return IntegrationView.of(reads.visible(id));
    }

    @PUT
    @Path("{id}/monitoring")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pause monitoring of the integration's instance (no alerts, no auto-heal; sweeps still record "
            + "its status) until paused_until, at most 30 days ahead; paused_until null resumes it. Audited")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonitoringRequest.class)))
    @APIResponse(responseCode = "200", description = "The integration, with monitoring while paused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntegrationView.class)))
    @APIResponse(responseCode = "400", description = "paused_until missing, not an instant, not in the future or more "
            + "than 30 days ahead; reason missing, blank or longer than 200 characters; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, being deleted, or another organization's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IntegrationView monitoring(@PathParam("id") String id, jakarta.json.JsonObject body) {
        var integration = reads.changeable(id);
        var now = java.time.Instant.now();
        var request = MonitoringRequest.of(body, now);
        return IntegrationView.of(monitoring.apply(integration.id(), request, caller.actor(), now));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete the integration and its Evolution instance, crash-safely")
    @APIResponse(responseCode = "204", description = "Every step finished")
    @APIResponse(responseCode = "202", description = "Evolution unreachable; a background retry finishes the deletion",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntegrationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or another organization's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        var integration = reads.changeable(id);
        return retirement.retire(integration.id(), caller.actor(), "deleted through the API").match(
                done -> Response.noContent().build(),
                pending -> Response.accepted(IntegrationView.of(pending.integration())).build(),
                () -> {
                    throw new NotFound("Integration " + id + " was deleted meanwhile");
                });
    }
}
