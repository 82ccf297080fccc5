package whatsapp.st.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import whatsapp.localstack.LocalStack;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Stack;

/**
 * Two Evolution servers on one database under one client name list the same instance ids (the known cause of 440
 * conflict loops). A fleet of three simulated servers (a, b, c; c takes one instance) behind a WildFly of its own
 * (port offset + 30): a sweep that sees a and b share ids raises one alert naming both and an example instance, new
 * instances go to c only, and with c full creation answers 503 servers-share-database; once a and b have a database
 * each again, the next sweep resolves the alert and placement uses them again.
 */
class SharedDatabaseIT {

    static final Map<String, String> SETTINGS = Stack.with(Stack.BASE_SETTINGS, Map.entry("EVOLUTION_CAPACITY_C", "1"));

    static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(Path.of(System.getProperty("stack.dir", "target/local-stack") + "-shared"),
                Path.of(System.getProperty("wildfly.home", "../ear/target/server")), true, false, SETTINGS,
                Stack.PORT_OFFSET + 30, List.of("a", "b", "c"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) stack.close();
    }

    static EvolutionSimulator evolution(String server) {
        return stack.simulator(server);
    }

    static String admin() {
        return stack.tokens().admin("alice");
    }

    static String url(String path) {
        return stack.server().httpUrl() + path;
    }

    static Http.Answer create(String organization) {
        return Http.post(url("/integrations/whatsapp"), admin(), "application/json", "{\"organization_id\":\"" + organization + "\"}");
    }

    static String server(Http.Answer created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getJsonObject("integration").getString("evolution_server");
    }

    static void sweep() {
        var answer = Http.post(url("/maintenance/health-check"), admin(), null, "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    static List<JsonObject> alerts(String state) {
        return Http.get(url("/maintenance/alerts?state=" + state), admin()).json().getJsonArray("alerts")
                .getValuesAs(JsonObject.class).stream().filter(alert -> alert.getString("type").equals("evolution.shared_database"))
                .toList();
    }

    @Test
    void serversSharingIdsAreAlertedAndGetNoNewInstanceUntilFixed() {
        var first = create("org-shared-1");
        assertThat(server(first)).isEqualTo("a");
        var example = first.json().getJsonObject("integration").getString("instance_name");
        var second = create("org-shared-2");
        assertThat(server(second)).isEqualTo("b");
        var both = List.of(example, second.json().getJsonObject("integration").getString("instance_name"));
        sweep();
        assertThat(alerts("open")).as("each server a database of its own").isEmpty();

        evolution("a").shareDatabaseWith(evolution("b"));
        sweep();
        var open = alerts("open");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).getString("reason")).isEqualTo("shared database: a and b");
        assertThat(open.get(0).getString("instance_name")).as("an instance both list").isIn(both);
        example = open.get(0).getString("instance_name");
        sweep();
        assertThat(alerts("open")).as("one alert, not one per sweep").hasSize(1);

        assertThat(server(create("org-shared-3"))).as("a and b get no new instance").isEqualTo("c");
        var none = create("org-shared-4");
        assertThat(none.status()).as(none.body()).isEqualTo(503);
        assertThat(none.isProblem()).isTrue();
        assertThat(none.json().getString("type")).endsWith("/problems/servers-share-database");
        assertThat(none.json().getString("detail")).contains("a: shares its database with b", "b: shares its database with a",
                "c: full (1 of 1)", example);
        assertThat(evolution("a").instances()).as("nothing created").hasSize(1);
        assertThat(evolution("b").instances()).hasSize(1);

        evolution("a").stopSharingDatabase();
        sweep();
        assertThat(alerts("open")).isEmpty();
        var resolved = alerts("resolved");
        assertThat(resolved).hasSize(1);
        assertThat(resolved.get(0).getString("resolution")).isEqualTo("the servers no longer list the same instance ids");
        assertThat(server(create("org-shared-4"))).as("placement uses a and b again").isIn("a", "b");
    }
}
