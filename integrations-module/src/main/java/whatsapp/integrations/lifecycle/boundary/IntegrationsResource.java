package whatsapp.integrations.lifecycle.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.integrations.lifecycle.entity.Integration;
import whatsapp.integrations.lifecycle.entity.Retired;
import whatsapp.web.json.JsonContract;
import whatsapp.web.problems.boundary.InvalidInput;

@Path("/")
@ApplicationScoped
@RolesAllowed({"admin", "member"})
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationsResource {

    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @EJB
    Provisioning provisioning;

    @EJB
    Retirement retirement;

    @EJB
    Ledger ledger;

    @EJB
    Idempotency idempotency;

    @Inject
    Caller caller;

    @jakarta.persistence.PersistenceContext
    jakarta.persistence.EntityManager em;

    @POST
    @Path("whatsapp")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create the organization's WhatsApp integration, or reuse the live one")
    @APIResponse(responseCode = "201", description = "Created a new Evolution instance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateAnswer.class)))
    @APIResponse(responseCode = "200", description = "Evolution confirmed the existing instance; reused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateAnswer.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; nothing changed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "403", description = "A member asked for another organization")
    @APIResponse(responseCode = "409", description = "A deletion or creation for this organization is still under way")
    @APIResponse(responseCode = "503", description = "Evolution unreachable; nothing created or deleted",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public Response create(@NotNull(message = "a JSON body is required") @Valid CreateRequest request,
                           @HeaderParam("Idempotency-Key") @Size(max = 200, message = "must be at most 200 characters") String key,
                           @Context UriInfo uri) {
        String organization = request.organizationId();
        if (!caller.maySee(organization)) throw new ForbiddenException();
        if (key != null) {
            var replay = idempotency.replay(organization, key);
            if (replay.isPresent()) return replay.get();
        }
        var outcome = provisioning.createOrReuse(organization, caller.actor());
        var body = JsonContract.toJson(new CreateAnswer(true, outcome.reused(), IntegrationView.of(outcome.integration())));
        var location = outcome.reused() ? null : uri.getBaseUriBuilder().path(outcome.integration().id().toString()).build();
        if (key != null) idempotency.remember(organization, key, outcome.reused() ? 200 : 201, body, location);
        return (outcome.reused() ? Response.ok(body) : Response.created(location).entity(body)).build();
    }

    public record IntegrationList(java.util.List<IntegrationView> integrations) {
    }

    @GET
    @Operation(summary = "List integrations; members must name their own organization")
    @APIResponse(responseCode = "200", description = "The integrations, newest first")
    @APIResponse(responseCode = "403", description = "A member asked for another organization, or for all")
    public IntegrationList list(@QueryParam("organization_id") String organizationId) {
        if (!caller.admin() && (organizationId == null || !caller.maySee(organizationId))) throw new ForbiddenException();
        return new IntegrationList(ledger.of(organizationId).stream().map(IntegrationView::of).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One integration")
    @APIResponse(responseCode = "200", description = "The integration",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntegrationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or another organization's")
    public IntegrationView find(@PathParam("id") String id) {
        return IntegrationView.of(visible(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete the integration and its Evolution instance, crash-safely")
    @APIResponse(responseCode = "204", description = "Every step finished")
    @APIResponse(responseCode = "202", description = "Evolution unreachable; a background retry finishes the deletion",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntegrationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or another organization's")
    public Response delete(@PathParam("id") String id) {
        var integration = visible(id);
        var retired = retirement.retire(integration.id(), caller.actor(), "deleted through the API");
        if (retired instanceof Retired.Done) return Response.noContent().build();
        if (retired instanceof Retired.Pending pending) return Response.accepted(IntegrationView.of(pending.integration())).build();
        throw new NotFoundException();
    }

    Integration visible(String id) {
        if (!UUID_TEXT.matcher(id).matches()) throw new InvalidInput("id", "must be a UUID");
        // a plain read on the hot path: the entity manager directly, no EJB call and no transaction
        return java.util.Optional.ofNullable(em.find(Integration.class, UUID.fromString(id)))
                .filter(integration -> caller.maySee(integration.organizationId()))
                .orElseThrow(() -> new NotFoundException("No integration " + id));
    }
}
