package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Service;

/**
 * GET /integrations a page at a time: newest first by (created_at, id), {@code limit} 1–1000 (default 100),
 * {@code cursor} the opaque {@code next_cursor} of the page before. Rows are seeded in SQL (many rows of one
 * organization, several created in the same instant) and removed the same way.
 */
class ListPagesIT {

    static final String PREFIX = "pages";

    @AfterEach
    void removeSeededRows() {
        Database.removeFleet(PREFIX);
    }

    @Test
    void aWalkThroughThePagesSeesEveryRowOnceWhileRowsAreAdded() {
        String organization = PREFIX + "-walk";
        var now = Instant.now();
        Database.pastIntegrations(organization, 7, now.minus(Duration.ofHours(2))); // a page boundary inside equal stamps
        Database.pastIntegrations(organization, 5, now.minus(Duration.ofHours(3)));
        Database.pastIntegrations(organization, 1, now.minus(Duration.ofHours(1)));
        var everything = ids(page(organization, 1000, null));
        assertThat(everything).hasSize(13);

        var walked = new ArrayList<String>();
        var sizes = new ArrayList<Integer>();
        String cursor = null;
        do {
            var answer = page(organization, 3, cursor);
            sizes.add(answer.getJsonArray("integrations").size());
            walked.addAll(ids(answer));
            Database.pastIntegrations(organization, 1, Instant.now()); // created meanwhile: newer than every cursor
            cursor = answer.isNull("next_cursor") ? null : answer.getString("next_cursor");
        } while (cursor != null);

        assertThat(walked).as("every row once, in the order of one listing").containsExactlyElementsOf(everything);
        assertThat(sizes).containsExactly(3, 3, 3, 3, 1);
        var createdAt = page(organization, 1000, null).getJsonArray("integrations").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("created_at")).toList();
        assertThat(createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aPageHoldsAHundredByDefaultAndAMemberPagesItsOwnOrganization() {
        String organization = PREFIX + "-default";
        Database.pastIntegrations(organization, 101, Instant.now().minus(Duration.ofHours(1)));

        var first = page(organization, null, null);
        assertThat(first.getJsonArray("integrations")).hasSize(100);
        assertThat(first.getString("next_cursor")).isNotBlank();
        var member = Integrations.page("?organization_id=" + organization + "&cursor=" + first.getString("next_cursor"),
                Service.member(organization));
        assertThat(member.status()).as(member.body()).isEqualTo(200);
        assertThat(member.json().getJsonArray("integrations")).hasSize(1);
        assertThat(member.json().isNull("next_cursor")).as("the last page").isTrue();
    }

    @Test
    void aBadLimitOrCursorIs400() {
        String organization = PREFIX + "-bad";
        Database.pastIntegrations(organization, 2, Instant.now());
        var valid = page(organization, 1, null).getString("next_cursor");
        var tampered = Base64.getUrlEncoder().withoutPadding().encodeToString("yesterday\nnot-an-id".getBytes(StandardCharsets.UTF_8));
        for (var query : List.of("limit=0", "limit=1001", "limit=-5", "cursor=%25%25%25", "cursor=" + tampered,
                "cursor=" + valid.substring(0, valid.length() / 2), "cursor=")) {
            var answer = Integrations.page("?organization_id=" + organization + "&" + query, Service.admin());
            assertThat(answer.status()).as(query + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.isProblem()).as(query).isTrue();
            assertThat(answer.json().getString("type")).as(query).endsWith("/validation");
        }
    }

    static JsonObject page(String organization, Integer limit, String cursor) {
        var answer = Integrations.page("?organization_id=" + organization + (limit == null ? "" : "&limit=" + limit)
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), Service.admin());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static List<String> ids(JsonObject page) {
        return page.getJsonArray("integrations").getValuesAs(JsonObject.class).stream().map(i -> i.getString("id")).toList();
    }
}
