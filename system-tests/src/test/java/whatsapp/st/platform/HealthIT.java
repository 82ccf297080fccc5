package whatsapp.st.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

class HealthIT {

    @Test
    void livenessDependsOnNothingExternal() throws Exception {
        var stack = Stack.get();
        stack.stopRedis();
        try {
            var live = Http.get(Service.management("/health/live"), null);
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.json().getString("status")).isEqualTo("UP");

            var ready = awaitReady(h -> "DOWN".equals(check(h, "redis")));
            assertThat(ready.status()).isEqualTo(503);
            assertThat(check(ready.json(), "postgresql")).isEqualTo("UP");
        } finally {
            stack.startRedisAgain();
        }
        var ready = awaitReady(h -> "UP".equals(h.getString("status")));
        assertThat(ready.status()).isEqualTo(200);
        assertThat(check(ready.json(), "redis")).isEqualTo("UP");
    }

    @Test
    void readinessReportsEvolutionAsDataWithoutFailing() {
        var simulator = Stack.get().simulator().orElseThrow();
        var reachable = awaitReady(h -> h.getString("status").equals("UP") && flag(evolution(h), "reachable", false));
        assertThat(evolution(reachable.json()).getString("version")).isEqualTo("2.3.6");

        simulator.inject(Fault.status("root", 500));
        try {
            var unreachable = awaitReady(h -> !flag(evolution(h), "reachable", true));
            assertThat(unreachable.status()).isEqualTo(200);
            assertThat(unreachable.json().getString("status")).isEqualTo("UP");
        } finally {
            simulator.clearFaults();
        }
    }

    @Test
    void startedOnceSchemasAreMigrated() {
        var started = Http.get(Service.management("/health/started"), null);
        assertThat(started.status()).isEqualTo(200);
        assertThat(check(started.json(), "schemas-migrated")).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreExposedOnTheManagementPort() {
        var metrics = Http.get(Service.management("/metrics"), null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE").contains("jvm_memory");
    }

    static Http.Answer awaitReady(Predicate<JsonObject> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Http.Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            last = Http.get(Service.management("/health/ready"), null);
            if (condition.test(last.json())) return last;
            sleep();
        }
        throw new AssertionError("readiness never matched; last answer " + (last == null ? null : last.body()));
    }

    static String check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).map(c -> c.getString("status"))
                .findFirst().orElse("ABSENT");
    }

    /**
     * A boolean of a check's data: JSON {@code true}/{@code false} on WildFly, the strings {@code "true"}/{@code "false"}
     * on Payara, whose MP Health writes every data value as a string.
     */
    static boolean flag(JsonObject data, String name, boolean otherwise) {
        var value = data.get(name);
        if (value == null) return otherwise;
        return switch (value.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            case STRING -> Boolean.parseBoolean(data.getString(name));
            default -> otherwise;
        };
    }

    static JsonObject evolution(JsonObject health) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("evolution")).map(c -> c.getJsonObject("data"))
                .findFirst().orElseThrow(() -> new AssertionError("no evolution check in " + health));
    }

    static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
