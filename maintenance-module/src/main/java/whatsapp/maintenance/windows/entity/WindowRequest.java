package whatsapp.maintenance.windows.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /maintenance/windows}.
 *
 * @param servers names of configured Evolution servers; absent or null: every server
 */
public record WindowRequest(
        @NotNull(message = "is required (an ISO-8601 instant)") Instant startsAt,
        @NotNull(message = "is required (an ISO-8601 instant)") Instant endsAt,
        @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters") String reason,
        @Size(min = 1, max = 50, message = "must name 1 to 50 servers, or be left out for every server") List<String> servers) {
}
