package whatsapp.simulator.instances;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;

/** The QR object Evolution answers on connect: {@code {pairingCode, code, base64, count}}. */
public record QrCode(String pairingCode, String code, String base64, int count) {

    private static final String PAIRING_ALPHABET = "ABCDEFGHJKLMNPQRSTVWXYZ0123456789";
    /** Pixels per QR module: about 250 px for a code of Evolution's length, like Evolution's own images. */
    private static final int SCALE = 4;

    /** @param number with a number, an 8-character pairing code is issued as well */
    public static QrCode generate(int count, String number) {
        var code = "2@" + randomBase64(48) + "," + randomBase64(32) + "," + randomBase64(32) + "," + randomBase64(32);
        return new QrCode(number == null || number.isBlank() ? null : newPairingCode(), code, png(code), count);
    }

    /** A scannable PNG of {@code text} as a {@code data:image/png;base64,...} URL (what Evolution sends). */
    static String png(String text) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L, EncodeHintType.MARGIN, 4));
            int width = matrix.getWidth() * SCALE;
            int height = matrix.getHeight() * SCALE;
            var image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    image.setRGB(x, y, matrix.get(x / SCALE, y / SCALE) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
