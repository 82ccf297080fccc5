package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import whatsapp.localstack.DevTokens;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;
import whatsapp.st.systems.StreamConsumer;

/** GET /integrations/events: who sees what, and which parameters are refused. */
class EventCatchUpIT {

    static List<String> organizationsIn(Http.Answer answer) {
        return answer.json().getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("organization_id")).distinct().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "after=", "after=-1", "after=abc", "after=1e3", "after=%2B5", "after=1.0",
            "after=0&limit=0", "after=0&limit=1001", "after=0&limit=ten", "after=0&limit=-5", "after=99999999999999999999"})
    void parametersThatAreNotPlainIntegersInRangeAre400(String query) {
        var answer = Integrations.eventsAfter(query, Service.worker());
        assertThat(answer.status()).as(query).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().getString("type")).endsWith("/validation");
    }

    @Test
    void workersAndAdminsSeeEveryOrganizationAndAMemberItsOwn() {
        long before = StreamConsumer.newestSequence();
        Integrations.createFor("org-catchup-a");
        Integrations.createFor("org-catchup-b");
        String query = "after=" + before + "&limit=1000";
        Poll.until(() -> organizationsIn(Integrations.eventsAfter(query, Service.worker()))
                .containsAll(List.of("org-catchup-a", "org-catchup-b")), Duration.ofSeconds(10), "both creations");

        assertThat(organizationsIn(Integrations.eventsAfter(query, Service.admin())))
                .contains("org-catchup-a", "org-catchup-b");
        assertThat(organizationsIn(Integrations.eventsAfter(query, Service.member("org-catchup-a"))))
                .containsExactly("org-catchup-a");
    }

    @Test
    void noTokenIs401AndAnotherRoleOrAMemberWithoutOrganizationIs403() {
        assertThat(Integrations.eventsAfter("after=0", null).status()).isEqualTo(401);
        var tokens = Stack.get().tokens();
        String guest = tokens.mint("gina", List.of("guest"), null, Duration.ofHours(1), DevTokens.ISSUER);
        assertThat(Integrations.eventsAfter("after=0", guest).status()).isEqualTo(403);
        String memberOfNothing = tokens.mint("nils", List.of("member"), null, Duration.ofHours(1), DevTokens.ISSUER);
        var answer = Integrations.eventsAfter("after=0", memberOfNothing);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void aWorkerReadsEveryIntegrationToResyncButChangesNone() {
        var integration = Integrations.createFor("org-worker-resync");
        var id = integration.getString("id");
        var all = Http.get(Service.integrations("?limit=100"), Service.worker());
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().getJsonArray("integrations").getValuesAs(jakarta.json.JsonObject.class))
                .extracting(i -> i.getString("id")).contains(id);
        assertThat(Http.get(Service.integrations("/" + id), Service.worker()).status()).isEqualTo(200);
        var create = Http.post(Service.integrations("/whatsapp"), Service.worker(), "application/json",
                "{\"organization_id\":\"org-worker-resync\"}");
        assertThat(create.status()).as("a worker creates nothing").isEqualTo(403);
        assertThat(Http.delete(Service.integrations("/" + id), Service.worker()).status())
                .as("a worker deletes nothing").isEqualTo(403);
        assertThat(Integrations.find(id).status()).isEqualTo(200);
    }

    @Test
    void aMemberWhoIsAlsoAWorkerReadsEverythingButChangesOnlyItsOwnOrganization() {
        var other = Integrations.createFor("org-worker-other");
        var id = other.getString("id");
        String both = Stack.get().tokens().mint("mona", List.of("member", "worker"), "org-worker-own", Duration.ofHours(1),
                DevTokens.ISSUER);
        assertThat(Http.get(Service.integrations("/" + id), both).status()).as("reads like a worker").isEqualTo(200);
        assertThat(Http.delete(Service.integrations("/" + id), both).status()).as("deletes like a member").isEqualTo(404);
        assertThat(Http.get(Service.integrations("/" + id + "/qr"), both).status()).as("pairs like a member").isEqualTo(404);
        assertThat(Http.get(Service.integrations("/audit?organization_id=org-worker-other"), both).status())
                .as("reads another organization's audit log like a member").isEqualTo(403);
        assertThat(Integrations.find(id).status()).isEqualTo(200);
    }
}
