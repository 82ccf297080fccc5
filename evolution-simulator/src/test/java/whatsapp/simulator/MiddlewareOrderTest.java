package whatsapp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Evolution's guard order: instance exists (404) → name free on create (403) → key (401). */
class MiddlewareOrderTest extends SimulatorTests {


    @Test
    void unknownInstanceIs404EvenWithAWrongKey() throws Exception {
        var answer = evolution.withKey("wrong").get("/instance/connectionState/clinic-abc-123-1763224272772");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(Fixtures.read("not-found-404.json"));
        assertThat(evolution.withKey(null).delete("/instance/delete/nobody").status()).isEqualTo(404);
    }

    @Test
    void knownInstanceWithAWrongOrMissingKeyIs401() throws Exception {
        simulator.seed(SeedInstance.named("known").status("open"));

        var wrong = evolution.withKey("wrong").get("/instance/connectionState/known");
        var missing = evolution.withKey(null).get("/instance/connectionState/known");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("{\"status\":401,\"error\":\"Unauthorized\",\"response\":{\"message\":\"Unauthorized\"}}");
        assertThat(missing.status()).isEqualTo(401);
    }

    @Test
    void takenNameOnCreateIs403BeforeTheKeyIsChecked() throws Exception {
        simulator.seed(SeedInstance.named("clinic-abc-123-1763224272772"));

        var answer = evolution.withKey("wrong").create("clinic-abc-123-1763224272772");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json()).isEqualTo(Fixtures.read("create-403-duplicate.json"));
    }

    @Test
    void freeNameWithAWrongKeyIs401() throws Exception {
        assertThat(evolution.withKey("wrong").create("free").status()).isEqualTo(401);
        assertThat(simulator.instances()).isEmpty();
    }

    @Test
    void anInstanceTokenOpensItsOwnInstanceOnly() throws Exception {
        simulator.seed(SeedInstance.named("mine").token("TOKEN-A").status("open"), SeedInstance.named("theirs").token("TOKEN-B"));
        var withToken = evolution.withKey("TOKEN-A");

        assertThat(withToken.get("/instance/connectionState/mine").status()).isEqualTo(200);
        assertThat(withToken.get("/instance/connectionState/theirs").status()).isEqualTo(401);
        assertThat(withToken.create("new-one").status()).isEqualTo(401);
    }

    @Test
    void fetchInstancesChecksTheKeyFirst() throws Exception {
        assertThat(evolution.withKey(null).get("/instance/fetchInstances").status()).isEqualTo(401);
        assertThat(evolution.withKey("wrong").get("/instance/fetchInstances?instanceName=nobody").status()).isEqualTo(401);
        assertThat(evolution.get("/instance/fetchInstances?instanceName=nobody").status()).isEqualTo(404);
    }

    @Test
    void unknownRouteIs404CannotVerbPath() throws Exception {
        var wrongPath = evolution.get("/instance/nope");
        var wrongVerb = evolution.post("/instance/fetchInstances", "{}");

        assertThat(wrongPath.status()).isEqualTo(404);
        assertThat(wrongPath.json().at("/response/message/0").asText()).isEqualTo("Cannot GET /instance/nope");
        assertThat(wrongVerb.json().at("/response/message/0").asText()).isEqualTo("Cannot POST /instance/fetchInstances");
        assertThat(simulator.calls("*")).isZero();
    }

    @Test
    void namesInPathsArePercentDecoded() throws Exception {
        simulator.seed(SeedInstance.named("clinic a/b+c").status("open"));

        var answer = evolution.get("/instance/connectionState/clinic%20a%2Fb+c");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/instance/instanceName").asText()).isEqualTo("clinic a/b+c");
    }

    @Test
    void rootNeedsNoKeyAndTellsTheVersion() throws Exception {
        assertThat(evolution.withKey(null).get("/").json().path("version").asText()).isEqualTo("2.3.6");
        simulator.useVersion(ApiVersion.V1_8);
        assertThat(evolution.withKey(null).get("/").json().path("version").asText()).isEqualTo("1.8.2");
    }
}
