package whatsapp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** connect, logout, restart, delete: what each answers in each live state. */
class LifecycleTest extends SimulatorTests {


    @Test
    void connectOpensAClosedInstanceWithAQrAndRepeatsItWhileConnecting() throws Exception {
        simulator.seed(SeedInstance.named("clinic"));

        var first = evolution.get("/instance/connect/clinic?number=5511999990000").json();
        var again = evolution.get("/instance/connect/clinic").json();

        assertThat(Fixtures.fieldNames(first)).containsExactly("pairingCode", "code", "base64", "count");
        assertThat(first.path("pairingCode").asText()).hasSize(8);
        assertThat(first.path("code").asText()).startsWith("2@");
        assertThat(again).isEqualTo(first);
        assertThat(simulator.instance("clinic").orElseThrow().connectionStatus()).isEqualTo("connecting");
    }

    @Test
    void connectOnAnOpenInstanceAnswersItsState() throws Exception {
        simulator.seed(SeedInstance.named("clinic-abc-123-1763224272772").status("open"));

        assertThat(evolution.get("/instance/connect/clinic-abc-123-1763224272772").json())
                .isEqualTo(Fixtures.read("connection-state.json"));
    }

    @Test
    void logoutClosesTheSessionOnceThenSaysNotConnected() throws Exception {
        simulator.seed(SeedInstance.named("clinic").status("open").ownerJid("5511999990000@s.whatsapp.net"));

        var first = evolution.delete("/instance/logout/clinic");
        var second = evolution.delete("/instance/logout/clinic");

        assertThat(first.body()).isEqualTo("{\"status\":\"SUCCESS\",\"error\":false,\"response\":{\"message\":\"Instance logged out\"}}");
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().at("/response/message/0").asText()).isEqualTo("The \"clinic\" instance is not connected");
        var view = simulator.instance("clinic").orElseThrow();
        assertThat(view.state()).isEqualTo("close");
        assertThat(view.disconnectionReasonCode()).isEqualTo(401);
        assertThat(view.disconnectionObject()).contains("Log out instance: clinic");
        assertThat(view.ownerJid()).isEqualTo("5511999990000@s.whatsapp.net");
    }

    @Test
    void restartAnswersErrorTrueWhenClosedAndTheStateOtherwise() throws Exception {
        simulator.seed(SeedInstance.named("closed"), SeedInstance.named("open").status("open"));

        assertThat(evolution.post("/instance/restart/closed", "").body()).isEqualTo("{\"error\":true,\"message\":\"[object Object]\"}");
        assertThat(evolution.post("/instance/restart/open", "").json().at("/instance/state").asText()).isEqualTo("open");
    }

    @Test
    void deleteRemovesTheInstanceAndASecondDeleteIs404() throws Exception {
        simulator.seed(SeedInstance.named("clinic").status("open"));

        var first = evolution.delete("/instance/delete/clinic");
        var second = evolution.delete("/instance/delete/clinic");

        assertThat(first.json()).isEqualTo(Fixtures.read("delete-200.json"));
        assertThat(second.status()).isEqualTo(404);
        assertThat(evolution.get("/instance/fetchInstances?instanceName=clinic").status()).isEqualTo(404);
        assertThat(evolution.create("clinic").status()).isEqualTo(201);
    }

    @Test
    void withARemovalDelayTheNameStaysTakenForAWhile() throws Exception {
        simulator.removalDelay(Duration.ofMillis(300));
        simulator.seed(SeedInstance.named("clinic"));

        evolution.delete("/instance/delete/clinic");

        assertThat(evolution.create("clinic").status()).isEqualTo(403);
        Fixtures.eventually(() -> simulator.instance("clinic").isEmpty(), "the row to go");
        assertThat(evolution.create("clinic").status()).isEqualTo(201);
    }

    @Test
    void version18RefusesToDeleteAnOpenInstance() throws Exception {
        simulator.useVersion(ApiVersion.V1_8);
        simulator.seed(SeedInstance.named("clinic").status("open"));

        var answer = evolution.delete("/instance/delete/clinic");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/response/message/0").asText()).isEqualTo("The \"clinic\" instance needs to be disconnected");
    }
}
