package jp.azukari.label;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.azukari.core.label.LabelPayloadSyntax;

/**
 * A label's QR code as a grid of modules, quiet zone included: error correction M, alphanumeric
 * mode. Encoded with zxing-core's {@link Encoder} (what {@code QRCodeWriter} uses inside), which
 * also tells the version.
 *
 * <p>Every symbol is read back with zxing-core's own detector (the scanner app's) before it is
 * used. About one payload in 200 gives, with the mask the encoder prefers, a symbol that detector
 * misreads at some sizes; such a symbol is encoded again with another mask, which is as valid a QR
 * code and reads (see {@link ReadBack}).
 */
final class QrSymbol {

    static final int QUIET_ZONE = 4;
    static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.M;
    private static final int RECENT_SYMBOLS = 256;
    private static final Map<String, QrSymbol> RECENT =
            new LinkedHashMap<>(RECENT_SYMBOLS * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, QrSymbol> eldest) {
                    return size() > RECENT_SYMBOLS;
                }
            };

    private final int version;
    private final int mask;
    private final Mode mode;
    private final int modules;
    private final BitSet dark;
    private final List<Run> runs;

    private QrSymbol(int version, int mask, Mode mode, int modules, BitSet dark) {
        this.version = version;
        this.mask = mask;
        this.mode = mode;
        this.modules = modules;
        this.dark = dark;
        this.runs = runs(dark, modules);
    }

    /**
     * The symbol for a payload; recently used ones are kept, since a label is often previewed and
     * then printed.
     */
    static QrSymbol encode(String payload) {
        synchronized (RECENT) {
            QrSymbol known = RECENT.get(payload);
            if (known != null) {
                return known;
            }
        }
        QrSymbol symbol = encodeAndReadBack(payload);
        synchronized (RECENT) {
            RECENT.put(payload, symbol);
        }
        return symbol;
    }

    private static QrSymbol encodeAndReadBack(String payload) {
        if (!LabelPayloadSyntax.isQrAlphanumeric(payload)) {
            throw new IllegalArgumentException(
                    "a label payload uses QR alphanumeric characters only");
        }
        QRCode preferred = encode(payload, null);
        if (ReadBack.reads(preferred, payload)) {
            return of(preferred);
        }
        for (int mask = 0; mask < QRCode.NUM_MASK_PATTERNS; mask++) {
            if (mask == preferred.getMaskPattern()) {
                continue;
            }
            QRCode other = encode(payload, mask);
            if (ReadBack.reads(other, payload)) {
                return of(other);
            }
        }
        throw new IllegalStateException("no mask makes a QR code that reads back for " + payload);
    }

    private static QRCode encode(String payload, Integer mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ERROR_CORRECTION);
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return Encoder.encode(payload, ERROR_CORRECTION, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("the payload does not fit in a QR code", e);
        }
    }

    private static QrSymbol of(QRCode code) {
        ByteMatrix matrix = code.getMatrix();
        int modules = matrix.getWidth() + 2 * QUIET_ZONE;
        BitSet dark = new BitSet(modules * modules);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) == 1) {
                    dark.set((y + QUIET_ZONE) * modules + x + QUIET_ZONE);
                }
            }
        }
        return new QrSymbol(
                code.getVersion().getVersionNumber(),
                code.getMaskPattern(),
                code.getMode(),
                modules,
                dark);
    }

    int version() {
        return version;
    }

    int mask() {
        return mask;
    }

    Mode mode() {
        return mode;
    }

    /** Modules per side, quiet zone included. */
    int modules() {
        return modules;
    }

    boolean isDark(int x, int y) {
        return dark.get(y * modules + x);
    }

    /** One horizontal run of dark modules: its row, first column and length. */
    record Run(int row, int column, int length) {}

    /**
     * Every horizontal run of dark modules, row by row: fewer, larger shapes to draw than one per
     * module.
     */
    List<Run> darkRuns() {
        return runs;
    }

    private static List<Run> runs(BitSet dark, int modules) {
        List<Run> runs = new ArrayList<>();
        for (int y = 0; y < modules; y++) {
            int rowStart = y * modules;
            int x = dark.nextSetBit(rowStart);
            while (x >= 0 && x < rowStart + modules) {
                int end = Math.min(dark.nextClearBit(x), rowStart + modules);
                runs.add(new Run(y, x - rowStart, end - x));
                x = dark.nextSetBit(end);
            }
        }
        return List.copyOf(runs);
    }
}
