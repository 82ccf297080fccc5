package whatsapp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FetchInstancesTest extends SimulatorTests {

    static final String DEVICE_REMOVED = "{\"error\":{\"data\":{\"tag\":\"stream:error\",\"attrs\":{\"code\":\"401\"},"
            + "\"content\":[{\"tag\":\"conflict\",\"attrs\":{\"type\":\"device_removed\"}}]},\"isBoom\":true,\"isServer\":false,"
            + "\"output\":{\"statusCode\":401,\"payload\":{\"statusCode\":401,\"error\":\"Unauthorized\","
            + "\"message\":\"Stream Errored (conflict)\"},\"headers\":{}}},\"date\":\"2025-11-16T08:14:27.905Z\"}";


    @BeforeEach
    void seedTheFixtureFleet() {
        simulator.seed(
                SeedInstance.named("clinic-abc-123-1763224272772").status("open").ownerJid("5511999990000@s.whatsapp.net")
                        .profileName("Clinica ABC").token("B7E4C2A1-9D3F-4E8B-A6C5-1F2E3D4C5B6A"),
                SeedInstance.named("clinic-xyz-789-1763224730687").status("connecting").number("5511888880000"),
                SeedInstance.named("clinic-lmn-321-1763140000000").status("close").ownerJid("5521988887777@s.whatsapp.net")
                        .disconnection(401, DEVICE_REMOVED, Instant.parse("2025-11-16T08:14:27.913Z"))
                        .createdAt(Instant.parse("2025-11-14T17:06:40.233Z")));
    }

    @Test
    void v2RowsAreFlatAndHaveTheFixtureShape() throws Exception {
        var answer = evolution.get("/instance/fetchInstances");

        assertThat(answer.status()).isEqualTo(200);
        Fixtures.assertSameShape(answer.json(), Fixtures.read("fetch-instances-v2.json"));
        var closed = answer.json().get(2);
        assertThat(closed.path("connectionStatus").asText()).isEqualTo("close");
        assertThat(closed.path("disconnectionReasonCode").asInt()).isEqualTo(401);
        assertThat(closed.path("disconnectionObject").isTextual()).isTrue();
        assertThat(EvolutionApi.JSON.readTree(closed.path("disconnectionObject").asText()).at("/error/data/content/0/attrs/type")
                .asText()).isEqualTo("device_removed");
        assertThat(closed.path("disconnectionAt").asText()).isEqualTo("2025-11-16T08:14:27.913Z");
        assertThat(closed.path("createdAt").asText()).isEqualTo("2025-11-14T17:06:40.233Z");
    }

    @Test
    void filtersAlwaysAnswerAnArray() throws Exception {
        var byName = evolution.get("/instance/fetchInstances?instanceName=clinic-abc-123-1763224272772").json();
        var id = byName.get(0).path("id").asText();
        var byId = evolution.get("/instance/fetchInstances?instanceId=" + id).json();
        var byNumber = evolution.get("/instance/fetchInstances?number=5511888880000").json();

        assertThat(byName.isArray()).isTrue();
        assertThat(byName).hasSize(1);
        assertThat(byId.get(0).path("name").asText()).isEqualTo("clinic-abc-123-1763224272772");
        assertThat(byNumber.get(0).path("name").asText()).isEqualTo("clinic-xyz-789-1763224730687");
        assertThat(evolution.get("/instance/fetchInstances?instanceId=no-such-id").json().at("/response/message/0").asText())
                .isEqualTo("Instance \"no-such-id\" not found");
    }

    @Test
    void aRowThatIsNotLoadedIsListedButNotFoundByName() throws Exception {
        simulator.seed(SeedInstance.named("db-only").status("open").loaded(false));

        var byName = evolution.get("/instance/fetchInstances?instanceName=db-only");
        var state = evolution.get("/instance/connectionState/db-only");

        assertThat(evolution.get("/instance/fetchInstances").json()).hasSize(4);
        assertThat(byName.status()).isEqualTo(404);
        assertThat(byName.json().at("/response/message/0").asText()).isEqualTo("Instance \"db-only\" not found");
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.json().path("instance").has("state")).isFalse();
    }

    @Test
    void anInstanceTokenSeesOnlyItsOwnRows() throws Exception {
        var rows = evolution.withKey("B7E4C2A1-9D3F-4E8B-A6C5-1F2E3D4C5B6A").get("/instance/fetchInstances").json();

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("name").asText()).isEqualTo("clinic-abc-123-1763224272772");
    }

    @Test
    void v1RowsAreNestedAndByNameIsASingleObject() throws Exception {
        simulator.useVersion(ApiVersion.V1_8);

        var all = evolution.get("/instance/fetchInstances").json();
        var one = evolution.get("/instance/fetchInstances?instanceName=clinic-abc-123-1763224272772").json();

        var fixture = Fixtures.read("fetch-instances-v1.json");
        Fixtures.assertSameShape(all.get(0), fixture.get(0));
        Fixtures.assertSameShape(all.get(2), fixture.get(1));
        assertThat(one.isObject()).isTrue();
        assertThat(one.at("/instance/owner").asText()).isEqualTo("5511999990000@s.whatsapp.net");
        assertThat(one.at("/instance/status").asText()).isEqualTo("open");
    }

    @Test
    void tenThousandRowsAreStreamedInWellUnderASecond() throws Exception {
        var seeds = new ArrayList<SeedInstance>();
        for (int i = 0; i < 10_000; i++) seeds.add(SeedInstance.named("clinic-org-" + i + "-1763224272772").status("open"));
        simulator.seed(seeds);
        evolution.get("/instance/fetchInstances");

        var started = System.nanoTime();
        var answer = evolution.get("/instance/fetchInstances");
        var millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.json()).hasSize(10_003);
        assertThat(millis).isLessThan(1000);
    }

    @Test
    void twoServersOnOneDatabaseListEachOthersInstancesWithTheSameIds() throws Exception {
        try (var other = EvolutionSimulator.start(0, GLOBAL_KEY)) {
            other.seed(SeedInstance.named("clinic-other-1763224272999").status("open"));
            new SimulatorAdminClient(simulator.baseUrl()).shareDatabaseWith(other.baseUrl());

            var here = evolution.get("/instance/fetchInstances").json();
            var there = new EvolutionApi(other.baseUrl(), GLOBAL_KEY).get("/instance/fetchInstances").json();
            assertThat(here).hasSize(4);
            assertThat(there).hasSize(4);
            var ids = new ArrayList<String>();
            here.forEach(row -> ids.add(row.path("id").asText()));
            there.forEach(row -> assertThat(ids).contains(row.path("id").asText()));
            assertThat(simulator.instances()).as("only the listing is shared").hasSize(3);

            other.stopSharingDatabase();
            assertThat(evolution.get("/instance/fetchInstances").json()).hasSize(3);
            assertThat(new EvolutionApi(other.baseUrl(), GLOBAL_KEY).get("/instance/fetchInstances").json()).hasSize(1);
        }
    }
}
