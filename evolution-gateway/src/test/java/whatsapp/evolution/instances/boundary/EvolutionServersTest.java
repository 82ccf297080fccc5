package whatsapp.evolution.instances.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvolutionServersTest {

    static EvolutionServers read(Map<String, String> values) {
        return EvolutionServers.read(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void unsetServersMeanTheOneDefaultServerOfEvolutionUrl() {
        var servers = read(Map.of("evolution.url", "http://evo:8080", "evolution.api-key", "k"));
        assertThat(servers.multiple()).isFalse();
        assertThat(servers.warnings()).isEmpty();
        assertThat(servers.servers()).singleElement().satisfies(server -> {
            assertThat(server.name()).isEqualTo("default");
            assertThat(server.host()).isEqualTo("evo:8080");
            assertThat(server.capacity()).isEqualTo(500);
            assertThat(server.draining()).isFalse();
        });
    }

    @Test
    void serversWithTheirKeysCapacitiesAndDraining() {
        var servers = read(Map.of("evolution.servers", " a=https://evo-a.internal, B=http://evo-b.internal:8081/ ",
                "evolution.api-key.a", "ka", "evolution.api-key.b", "kb", "evolution.capacity.b", "20",
                "evolution.draining.a", "true"));
        assertThat(servers.multiple()).isTrue();
        assertThat(servers.names()).containsExactly("a", "b");
        var a = servers.named("a").orElseThrow();
        assertThat(a.draining()).isTrue();
        assertThat(a.capacity()).isEqualTo(500);
        assertThat(a.apiKey()).isEqualTo("ka");
        var b = servers.named("b").orElseThrow();
        assertThat(b.capacity()).isEqualTo(20);
        assertThat(b.host()).isEqualTo("evo-b.internal:8081");
        assertThat(b.toString()).doesNotContain("kb");
    }

    @Test
    void evolutionUrlBesideServersIsIgnoredWithAWarning() {
        var servers = read(Map.of("evolution.servers", "a=http://a", "evolution.api-key.a", "ka",
                "evolution.url", "http://old", "evolution.api-key", "old-key"));
        assertThat(servers.names()).containsExactly("a");
        assertThat(servers.warnings()).singleElement().asString().contains("EVOLUTION_URL is ignored").doesNotContain("old-key");
    }

    @Test
    void badConfigurationFailsNamingTheVariableButNeverAKey() {
        assertThatThrownBy(() -> read(Map.of("evolution.servers", "a=http://a"))).hasMessageContaining("EVOLUTION_API_KEY_A");
        assertThatThrownBy(() -> read(Map.of("evolution.servers", "a")))
                .hasMessageContaining("name=url");
        assertThatThrownBy(() -> read(Map.of("evolution.servers", "a=http://a,a=http://b", "evolution.api-key.a", "k")))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> read(Map.of("evolution.servers", "a=http://a", "evolution.api-key.a", "secret",
                "evolution.capacity.a", "lots"))).hasMessageContaining("EVOLUTION_CAPACITY").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> read(Map.of("evolution.servers", "a=ftp://a", "evolution.api-key.a", "k")))
                .hasMessageContaining("http");
        assertThatThrownBy(() -> read(Map.of())).hasMessageContaining("EVOLUTION_URL");
    }
}
