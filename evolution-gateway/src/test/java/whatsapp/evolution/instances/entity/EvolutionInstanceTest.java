package whatsapp.evolution.instances.entity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import whatsapp.evolution.instances.Recorded;

class EvolutionInstanceTest {

    static final String DEVICE_REMOVED = Recorded.array("v2/fetch-instances-v2.json").getJsonObject(2).getString("disconnectionObject");
    static final String API_LOGOUT = Recorded.array("v2/fetch-instances-v2.json").getJsonObject(0).getString("disconnectionObject");

    @Test
    void readsTheV2ListingWithoutTheToken() {
        var rows = Recorded.array("v2/fetch-instances-v2.json");
        var open = EvolutionInstance.from(rows.getJsonObject(0));
        assertThat(open.name()).isEqualTo("clinic-abc-123-1763224272772");
        assertThat(open.id()).isEqualTo("3f6d2a9e-8c41-4b7a-9f0e-5d2c7b1a4e63");
        assertThat(open.connectionStatus()).isEqualTo(ConnectionState.open);
        assertThat(open.phoneNumber()).contains("5511999990000");
        assertThat(open.createdAt()).isEqualTo(Instant.parse("2025-11-15T16:31:12.801Z"));
        assertThat(open.toString()).doesNotContain("B7E4C2A1-9D3F-4E8B-A6C5-1F2E3D4C5B6A");
        var connecting = EvolutionInstance.from(rows.getJsonObject(1));
        assertThat(connecting.connectionStatus()).isEqualTo(ConnectionState.connecting);
        assertThat(connecting.phoneNumber()).isEmpty();
    }

    @Test
    void stickyDisconnectionFieldsMeanNothingUnlessClosed() {
        var rows = Recorded.array("v2/fetch-instances-v2.json");
        var reopenedAfterLogout = EvolutionInstance.from(rows.getJsonObject(0));
        assertThat(reopenedAfterLogout.disconnectionReasonCode()).isEqualTo(401);
        assertThat(reopenedAfterLogout.disconnectReason()).isEmpty();
        assertThat(EvolutionInstance.from(rows.getJsonObject(1)).disconnectReason()).isEmpty();
    }

    @Test
    void deviceRemovedOnThePhone() {
        var closed = EvolutionInstance.from(Recorded.array("v2/fetch-instances-v2.json").getJsonObject(2));
        assertThat(closed.disconnectReason()).contains("device_removed (401)");
        assertThat(closed.disconnectionAt()).isEqualTo(Instant.parse("2025-11-16T08:14:27.913Z"));
        assertThat(closed.phoneNumber()).contains("5521988887777");
    }

    @Test
    void logoutThroughTheApi() {
        assertThat(closed(401, API_LOGOUT).disconnectReason()).contains("logout (401)");
    }

    @Test
    void otherCodesAreNamedOrShown() {
        assertThat(closed(440, null).disconnectReason()).contains("conflict (440)");
        assertThat(closed(403, null).disconnectReason()).contains("forbidden (403)");
        assertThat(closed(406, null).disconnectReason()).contains("banned (406)");
        assertThat(closed(402, null).disconnectReason()).contains("temporarily_banned (402)");
        assertThat(closed(500, "not json at all").disconnectReason()).contains("bad_session (500)");
        assertThat(closed(null, null).disconnectReason()).isEmpty();
    }

    @Test
    void codeComesFromTheObjectWhenTheColumnIsEmpty() {
        assertThat(closed(null, DEVICE_REMOVED).disconnectReason()).contains("device_removed (401)");
    }

    @Test
    void readsTheV18ListingAndTheConnectionStateShape() {
        var rows = Recorded.array("v1/fetch-instances-v1.json");
        var open = EvolutionInstance.from(rows.getJsonObject(0));
        assertThat(open.name()).isEqualTo("clinic-abc-123-1763224272772");
        assertThat(open.id()).isEqualTo("3f6d2a9e-8c41-4b7a-9f0e-5d2c7b1a4e63");
        assertThat(open.connectionStatus()).isEqualTo(ConnectionState.open);
        assertThat(open.phoneNumber()).contains("5511999990000");
        assertThat(open.toString()).doesNotContain("B7E4C2A1");
        assertThat(EvolutionInstance.from(rows.getJsonObject(1)).connectionStatus()).isEqualTo(ConnectionState.close);
        var live = EvolutionInstance.from(Recorded.object("v2/connection-state.json"));
        assertThat(live.name()).isEqualTo("clinic-abc-123-1763224272772");
        assertThat(live.connectionStatus()).isEqualTo(ConnectionState.open);
    }

    static EvolutionInstance closed(Integer code, String object) {
        var row = Json.createObjectBuilder().add("name", "clinic-x-1").add("id", "id-1").add("connectionStatus", "close");
        if (code != null) row.add("disconnectionReasonCode", code);
        if (object != null) row.add("disconnectionObject", object);
        JsonObject built = row.build();
        return EvolutionInstance.from(built);
    }
}
