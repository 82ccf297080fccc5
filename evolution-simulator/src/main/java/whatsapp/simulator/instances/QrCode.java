package whatsapp.simulator.instances;

import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** The QR object Evolution answers on connect: {@code {pairingCode, code, base64, count}}. */
public record QrCode(String pairingCode, String code, String base64, int count) {

    /** A real 1x1 PNG: scanning it does nothing, decoding it works. */
    private static final String PNG = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    private static final String PAIRING_ALPHABET = "ABCDEFGHJKLMNPQRSTVWXYZ0123456789";

    /** @param number with a number, an 8-character pairing code is issued as well */
    public static QrCode generate(int count, String number) {
        var code = "2@" + randomBase64(48) + "," + randomBase64(32) + "," + randomBase64(32) + "," + randomBase64(32);
        return new QrCode(number == null || number.isBlank() ? null : newPairingCode(), code, PNG, count);
    }

    private static String randomBase64(int bytes) {
        var buffer = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(buffer);
        return Base64.getEncoder().encodeToString(buffer);
    }

    private static String newPairingCode() {
        var random = ThreadLocalRandom.current();
        var code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) code.append(PAIRING_ALPHABET.charAt(random.nextInt(PAIRING_ALPHABET.length())));
        return code.toString();
    }
}
