package whatsapp.evolution.instances.entity;

import static whatsapp.evolution.instances.entity.EvolutionInstance.number;
import static whatsapp.evolution.instances.entity.EvolutionInstance.text;

import jakarta.json.JsonObject;
import java.util.function.Function;

/** The result of GET /instance/connect: a QR to scan (or pairing code to type), or why there is none. */
public sealed interface Pairing {

    /** One handler per outcome: a new outcome fails to compile wherever this type is read. */
    <R> R match(Function<QrCode, R> qrCode, Function<AlreadyConnected, R> alreadyConnected, Function<Missing, R> missing, Function<Unavailable, R> unavailable);

    /** Reads a 200 connect answer (not {@code "error": true}): the QR object, or the connectionState shape when open. */
    static Pairing of(String name, JsonObject body) {
        if (body.get("instance") instanceof JsonObject instance)
            return ConnectionState.of(text(instance, "state")) == ConnectionState.open
                    ? new AlreadyConnected(name) : new QrCode(null, null, null, 0);
        var count = number(body, "count");
        return new QrCode(text(body, "base64"), text(body, "code"), text(body, "pairingCode"), count == null ? 0 : count);
    }

    /**
     * Any member may be null: an early answer is often just a count; call again.
     *
     * @param base64      data:image/png;base64 image of the QR
     * @param code        the QR payload; it links a device, so it is never printed
     * @param pairingCode 8 characters to type on the phone, when a number was given
     */
    record QrCode(String base64, String code, String pairingCode, int count) implements Pairing {
        @Override
        public <R> R match(Function<QrCode, R> qrCode, Function<AlreadyConnected, R> alreadyConnected, Function<Missing, R> missing, Function<Unavailable, R> unavailable) {
            return qrCode.apply(this);
        }

        @Override
        public String toString() {
            return "QrCode[count=" + count + ", image=" + (base64 != null) + ", pairingCode=" + (pairingCode != null) + "]";
        }
    }

    record AlreadyConnected(String name) implements Pairing {
        @Override
        public <R> R match(Function<QrCode, R> qrCode, Function<AlreadyConnected, R> alreadyConnected, Function<Missing, R> missing, Function<Unavailable, R> unavailable) {
            return alreadyConnected.apply(this);
        }
    }

    record Missing(String name) implements Pairing {
        @Override
        public <R> R match(Function<QrCode, R> qrCode, Function<AlreadyConnected, R> alreadyConnected, Function<Missing, R> missing, Function<Unavailable, R> unavailable) {
            return missing.apply(this);
        }
    }

    record Unavailable(String reason) implements Pairing {
        @Override
        public <R> R match(Function<QrCode, R> qrCode, Function<AlreadyConnected, R> alreadyConnected, Function<Missing, R> missing, Function<Unavailable, R> unavailable) {
            return unavailable.apply(this);
        }
    }
}
