package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Service;

/**
 * GET /maintenance/health-check/status a page at a time, by instance name: {@code limit} 1–1000 (default 100),
 * {@code cursor} the opaque {@code next_cursor}; the summary counts the whole fleet on every page. The fleet is
 * seeded in SQL (hundreds of rows) and removed the same way.
 */
class HealthStatusPagesIT extends FleetTests {

    static final String PREFIX = "statuspages";

    @AfterEach
    void removeSeededRows() {
        Database.removeFleet(PREFIX);
    }

    @Test
    void aWalkThroughThePagesSeesEveryInstanceOnceWhileRowsAreAdded() {
        Database.fleetCreatedHoursAgo(PREFIX, 250, 1_700_000_000_000L, false);

        var first = page(null, null);
        assertThat(first.getJsonArray("instances")).as("a hundred by default").hasSize(100);
        assertThat(first.getJsonObject("summary").getInt("total")).as("the summary counts the whole fleet").isEqualTo(250);
        assertThat(first.getJsonObject("summary").getInt("healthy")).isEqualTo(250);

        var walked = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var answer = page(70, cursor);
            walked.addAll(names(answer));
            pages++;
            // rows created meanwhile sort anywhere by name: before the cursor (not seen) or after it (seen once)
            Database.integrationCreatedAt(PREFIX + "-new-" + pages, "clinic-" + PREFIX + "-new-" + pages + "-1", java.time.Instant.now());
            cursor = answer.isNull("next_cursor") ? null : answer.getString("next_cursor");
        } while (cursor != null);

        assertThat(walked).doesNotHaveDuplicates().isSorted();
        assertThat(walked.stream().filter(n -> !n.contains("-new-"))).hasSize(250);
        assertThat(pages).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aBadLimitOrCursorIs400() {
        for (var query : List.of("limit=0", "limit=1001", "cursor=%25%25", "cursor=")) {
            var answer = Http.get(Service.maintenance("/health-check/status?" + query), Service.admin());
            assertThat(answer.status()).as(query + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.isProblem()).as(query).isTrue();
        }
    }

    static JsonObject page(Integer limit, String cursor) {
        var query = new StringBuilder("?");
        if (limit != null) query.append("limit=").append(limit).append('&');
        if (cursor != null) query.append("cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        var answer = Http.get(Service.maintenance("/health-check/status" + query), Service.admin());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static List<String> names(JsonObject page) {
        return page.getJsonArray("instances").getValuesAs(JsonObject.class).stream().map(i -> i.getString("instance_name")).toList();
    }
}
