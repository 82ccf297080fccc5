package whatsapp.evolution.instances.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import whatsapp.integrations.api.Status;

class CloseReasonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "device_removed (401) | removed from the phone: scan a new QR code",
            "logout (401)         | logged out through the API: scan a new QR code",
            "logged_out (401)     | logged out: scan a new QR code",
            "temporarily_banned (402) | temporarily banned by WhatsApp",
            "forbidden (403)      | blocked by WhatsApp: contact WhatsApp, then scan a new QR code",
            "banned (406)         | banned by WhatsApp"})
    void bansAndRemovalsCannotSendAndAreRestricted(String reason, String plain) {
        var sending = CloseReason.sending(Status.disconnected, reason);
        assertThat(sending.canSend()).isFalse();
        assertThat(sending.restricted()).isTrue();
        assertThat(sending.reason()).isEqualTo(plain);
        assertThat(CloseReason.restricted(reason)).isTrue();
    }

    @Test
    void theReasonsTheTableMakesReadBackAsTheirOwnRows() {
        assertThat(CloseReason.sending(Status.disconnected, CloseReason.of(402, null).orElseThrow()).reason())
                .isEqualTo("temporarily banned by WhatsApp");
        assertThat(CloseReason.sending(Status.disconnected, CloseReason.of(406, null).orElseThrow()).reason())
                .isEqualTo("banned by WhatsApp");
        assertThat(CloseReason.of(401, "{\"data\":{\"attrs\":{\"type\":\"device_removed\"}}}")).contains("device_removed (401)");
        assertThat(CloseReason.of(401, "Log out instance: clinic-1")).contains("logout (401)");
        assertThat(CloseReason.of(401, null)).contains(CloseReason.LOGGED_OUT);
        assertThat(CloseReason.of(999, null)).contains("closed (999)");
        assertThat(CloseReason.of(null, null)).isEmpty();
    }

    @Test
    void aReasonWithoutAKnownNameIsReadByItsCode() {
        assertThat(CloseReason.sending(Status.disconnected, "session ended by WhatsApp (403)").reason())
                .isEqualTo("blocked by WhatsApp: contact WhatsApp, then scan a new QR code");
        var unknown = CloseReason.sending(Status.disconnected, "closed (999)");
        assertThat(unknown.canSend()).isFalse();
        assertThat(unknown.restricted()).isFalse();
        assertThat(unknown.reason()).isEqualTo("disconnected: closed (999)");
        assertThat(CloseReason.sending(Status.disconnected, null).reason()).isEqualTo("disconnected");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "connection_lost (408)   | reconnecting: the connection was lost",
            "connection_closed (428) | reconnecting: the connection was closed",
            "conflict (440)          | opened elsewhere: the session is online on another device, remove it there",
            "qr_refused (428)        | not paired: nobody scanned the QR code in time, show a new one",
            "qr_limit_reached        | not paired: nobody scanned the QR code in time, show a new one"})
    void otherClosesCannotSendButAreNoRestriction(String reason, String plain) {
        var sending = CloseReason.sending(Status.disconnected, reason);
        assertThat(sending.canSend()).isFalse();
        assertThat(sending.restricted()).isFalse();
        assertThat(sending.reason()).isEqualTo(plain);
    }

    @Test
    void onlyAConnectedInstanceCanSend() {
        assertThat(CloseReason.sending(Status.connected, "device_removed (401)")).isEqualTo(CloseReason.Sending.CAN);
        assertThat(CloseReason.Sending.CAN.reason()).isNull();
        assertThat(CloseReason.sending(Status.connecting, "device_removed (401)"))
                .isEqualTo(new CloseReason.Sending(false, false, "reconnecting: waiting for WhatsApp"));
        assertThat(CloseReason.sending(Status.pending, null).reason()).isEqualTo("not paired yet: scan the QR code");
        assertThat(CloseReason.sending(Status.missing, "missing from Evolution").reason())
                .isEqualTo("gone from Evolution: create the integration again");
        assertThat(CloseReason.sending(Status.deleting, null).reason()).isEqualTo("being deleted");
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void everyStatusHasAnAnswer(Status status) {
        var sending = CloseReason.sending(status, null);
        assertThat(sending.canSend()).isEqualTo(status == Status.connected);
        assertThat(sending.reason() == null).isEqualTo(status == Status.connected);
    }

    @Test
    void everyCodeNamesTheFirstRowOfItsCode() {
        assertThat(CloseReason.name(401)).isEqualTo("logged_out");
        assertThat(CloseReason.name(428)).isEqualTo("connection_closed");
        assertThat(CloseReason.name(402)).isEqualTo("temporarily_banned");
        assertThat(CloseReason.name(406)).isEqualTo("banned");
        assertThat(CloseReason.name(999)).isEqualTo("closed");
        assertThat(CloseReason.TABLE).extracting(CloseReason.Entry::name).doesNotHaveDuplicates();
    }
}
