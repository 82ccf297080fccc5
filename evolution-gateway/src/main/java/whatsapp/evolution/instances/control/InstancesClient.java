package whatsapp.evolution.instances.control;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Evolution API's instance routes (create, fetch, connection state, connect, restart, logout, delete, webhook). Every method returns the raw {@link Response}:
 * {@link EvolutionAnswer} decides what it means. Built by {@code Evolution} with {@code RestClientBuilder}.
 */
@RegisterRestClient(configKey = "evolution")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface InstancesClient extends Closeable {

    /** No key needed; reports {@code version}. Slow where egress is blocked. */
    @GET
    @Path("/")
    Response root();

    /** Every row of this server's database; bodies carry all instance tokens. */
    @GET
    @Path("instance/fetchInstances")
    Response fetchInstances();

    @GET
    @Path("instance/fetchInstances")
    Response fetchInstance(@QueryParam("instanceName") String instanceName);

    @GET
    @Path("instance/connectionState/{instanceName}")
    Response connectionState(@PathParam("instanceName") String instanceName);

    @POST
    @Path("instance/create")
    Response create(JsonObject body);

    /** @param number null, or digits to get a pairing code instead of a QR */
    @GET
    @Path("instance/connect/{instanceName}")
    Response connect(@PathParam("instanceName") String instanceName, @QueryParam("number") String number);

    @DELETE
    @Path("instance/logout/{instanceName}")
    Response logout(@PathParam("instanceName") String instanceName);

    @DELETE
    @Path("instance/delete/{instanceName}")
    Response delete(@PathParam("instanceName") String instanceName);

    @POST
    @Path("instance/restart/{instanceName}")
    Response restart(@PathParam("instanceName") String instanceName);

    /**
     * {@code {"numbers": [...]}}: a USync round trip to WhatsApp for every number not cached as existing; the liveness
     * probe's route (200 array; 400 with Baileys' Boom 428 when the socket is closed).
     */
    @POST
    @Path("chat/whatsappNumbers/{instanceName}")
    Response whatsappNumbers(@PathParam("instanceName") String instanceName, JsonObject body);

    /** Evolution's stored webhook settings of the instance: the row, or the literal {@code null}. */
    @GET
    @Path("webhook/find/{instanceName}")
    Response findWebhook(@PathParam("instanceName") String instanceName);

    /** v2 body {@code {"webhook": {...}}} ; answers 201 with the stored row. */
    @POST
    @Path("webhook/set/{instanceName}")
    Response setWebhook(@PathParam("instanceName") String instanceName, JsonObject body);
}
