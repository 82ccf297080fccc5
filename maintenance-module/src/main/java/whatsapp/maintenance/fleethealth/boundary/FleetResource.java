package whatsapp.maintenance.fleethealth.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.maintenance.fleethealth.entity.ConnectedShare;
import whatsapp.maintenance.runs.control.RunRecords;
import whatsapp.web.problems.boundary.InvalidInput;

/** The fleet over time, from the recorded health sweeps (the console's chart). Admins only. */
@Path("fleet")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class FleetResource {

    @EJB
    RunRecords runs;

    @GET
    @Path("connected-share")
    @Operation(summary = "The connected share of the fleet hour by hour over the last hours, from the completed health sweeps")
    @APIResponse(responseCode = "200", description = "One point per hour that had a completed sweep, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectedShare.class)))
    @APIResponse(responseCode = "400", description = "hours is not from 1 to 720")
    public ConnectedShare connectedShare(
            @Parameter(description = "How many hours back (default 168: 7 days)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "720", defaultValue = "168"))
            @QueryParam("hours") Integer hours) {
        int window = hours(hours);
        var points = runs.connectedByHour(Instant.now().minus(Duration.ofHours(window))).stream()
                .map(row -> ConnectedShare.Point.of(instant(row[0]), number(row[1]), number(row[2])))
                .toList();
        return new ConnectedShare(window, points);
    }

    /** timestamptz as the JDBC driver or Hibernate hands it over */
    static Instant instant(Object value) {
        if (value instanceof Instant instant) return instant;
        if (value instanceof java.sql.Timestamp timestamp) return timestamp.toInstant();
        if (value instanceof java.time.OffsetDateTime offset) return offset.toInstant();
        if (value instanceof java.time.ZonedDateTime zoned) return zoned.toInstant();
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static int hours(Integer hours) {
        if (hours == null) return 168;
        if (hours >= 1 && hours <= 720) return hours;
        throw new InvalidInput("hours", "must be an integer from 1 to 720");
    }
}
