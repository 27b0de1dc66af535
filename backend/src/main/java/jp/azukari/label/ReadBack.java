package jp.azukari.label;

import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DecoderResult;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.detector.Detector;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * Reads an encoded QR code back with zxing-core's detector and decoder, drawn at a small and a
 * large module size.
 */
final class ReadBack {

    // In sweeps of 70,000 label payloads (about 0.5% of them misread with the preferred mask),
    // every symbol zxing
    // misread at any size from 2 to 16 pixels per module was misread at one of these sizes too:
    // most failures show
    // at every size from some size up to 7 upwards, the rest at one or two sizes below 6 only, or
    // at even sizes only.
    private static final int[] PIXELS_PER_MODULE = {2, 3, 5, 12};

    private ReadBack() {}

    static boolean reads(QRCode code, String payload) {
        for (int scale : PIXELS_PER_MODULE) {
            if (!payload.equals(decode(draw(code.getMatrix(), scale)))) {
                return false;
            }
        }
        return true;
    }

    private static BitMatrix draw(ByteMatrix matrix, int scale) {
        int quiet = QrSymbol.QUIET_ZONE;
        BitMatrix image = new BitMatrix((matrix.getWidth() + 2 * quiet) * scale);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) == 1) {
                    image.setRegion((x + quiet) * scale, (y + quiet) * scale, scale, scale);
                }
            }
        }
        return image;
    }

    private static String decode(BitMatrix image) {
        try {
            DecoderResult result = new Decoder().decode(new Detector(image).detect().getBits());
            return result.getText();
        } catch (NotFoundException | FormatException | ChecksumException e) {
            return null;
        }
    }
}
