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

    /** The listing's way: field by field from the parser, the same record as the tree's way, for every recorded row. */
    @Test
    void readingFromTheParserGivesWhatTheTreeGives() {
        for (String path : java.util.List.of("v2/fetch-instances-v2.json", "v1/fetch-instances-v1.json")) {
            var rows = Recorded.array(path);
            try (var parser = Json.createParser(new java.io.StringReader(Recorded.text(path)))) {
                assertThat(parser.next()).isEqualTo(jakarta.json.stream.JsonParser.Event.START_ARRAY);
                for (int i = 0; i < rows.size(); i++) {
                    assertThat(parser.next()).isEqualTo(jakarta.json.stream.JsonParser.Event.START_OBJECT);
                    assertThat(EvolutionInstance.read(parser)).as(path + " row " + i).isEqualTo(EvolutionInstance.from(rows.getJsonObject(i)));
                }
                assertThat(parser.next()).as("each row read to its end").isEqualTo(jakarta.json.stream.JsonParser.Event.END_ARRAY);
            }
        }
    }

    /** Nested values skipped, codes as numbers or text, a key given twice, a v1.8 row: as the tree reads them. */
    @Test
    void readingFromTheParserHandlesEveryShapeAsTheTreeDoes() {
        var shapes = java.util.List.of(
                "{\"Setting\":{\"a\":{\"b\":[1,{\"c\":2}]}},\"name\":\"n1\",\"_count\":[{\"x\":1},[2]],\"id\":\"i1\","
                        + "\"connectionStatus\":\"close\",\"disconnectionReasonCode\":440.0,\"ownerJid\":\"551199@s.whatsapp.net\"}",
                "{\"name\":\"n2\",\"disconnectionReasonCode\":\"401\",\"connectionStatus\":\"close\",\"createdAt\":\"2025-11-15T16:31:12.801+00:00\"}",
                "{\"name\":\"n3\",\"disconnectionReasonCode\":\"x401\",\"name\":7,\"id\":null,\"instance\":{\"instanceName\":\"other\"}}",
                "{\"instance\":{\"instanceName\":\"v18\",\"status\":\"open\",\"owner\":\"5511@s.whatsapp.net\"},\"hash\":{\"apikey\":\"k\"}}",
                "{\"instance\":{\"instanceName\":\"v18\"},\"instance\":\"flat\"}",
                "{}");
        for (String shape : shapes) {
            var tree = EvolutionInstance.from(Json.createReader(new java.io.StringReader(shape)).readObject());
            try (var parser = Json.createParser(new java.io.StringReader("[" + shape + ",{\"name\":\"next\"}]"))) {
                parser.next();
                parser.next();
                assertThat(EvolutionInstance.read(parser)).as(shape).isEqualTo(tree);
                parser.next();
                assertThat(EvolutionInstance.read(parser).name()).as("the next row after " + shape).isEqualTo("next");
            }
        }
    }

    static EvolutionInstance closed(Integer code, String object) {
        var row = Json.createObjectBuilder().add("name", "clinic-x-1").add("id", "id-1").add("connectionStatus", "close");
        if (code != null) row.add("disconnectionReasonCode", code);
        if (object != null) row.add("disconnectionObject", object);
        JsonObject built = row.build();
        return EvolutionInstance.from(built);
    }
}
