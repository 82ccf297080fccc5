package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import whatsapp.localstack.DevTokens;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * Who acted is stored in columns of 128 characters; a token's name (upn) is not bounded. A longer name is stored
 * truncated with a hash suffix (so two long names stay apart), never a 500 after Evolution already acted.
 */
class LongActorIT {

    final EvolutionSimulator evolution = Stack.get().simulator().orElseThrow();

    static String tokenNamed(String name, String group, String organizationId) {
        return Stack.get().tokens().mint(name, List.of(group), organizationId, Duration.ofHours(1), DevTokens.ISSUER);
    }

    @Test
    void aThreeHundredCharacterNameCreatesDeletesAndRunsMaintenance() {
        String name = "very-long-user-name-".repeat(15); // 300 characters
        String member = tokenNamed(name, "member", "org-long-actor-1");

        var created = Integrations.create("org-long-actor-1", member);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getJsonObject("integration").getString("id");
        String instance = created.json().getJsonObject("integration").getString("instance_name");

        var deleted = Http.delete(Service.integrations("/" + id), member);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(evolution.instance(instance)).isEmpty();

        var actors = Integrations.audit("org-long-actor-1").stream().map(e -> e.getString("actor")).distinct().toList();
        assertThat(actors).hasSize(1);
        assertThat(actors.get(0)).hasSizeLessThanOrEqualTo(128).startsWith("user:" + name.substring(0, 60));
        String other = tokenNamed(name + "x", "member", "org-long-actor-1");
        assertThat(Integrations.create("org-long-actor-1", other).status()).isEqualTo(201);
        assertThat(Integrations.audit("org-long-actor-1").get(0).getString("actor"))
                .as("two long names stay apart").hasSizeLessThanOrEqualTo(128).isNotEqualTo(actors.get(0));

        var sweep = Http.post(Service.maintenance("/health-check"), tokenNamed(name, "admin", null), null, "");
        assertThat(sweep.status()).as(sweep.body()).isEqualTo(200);
    }
}
