package jp.azukari.core.decode;

import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.multi.qrcode.detector.MultiFinderPatternFinder;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One way of looking for codes in one luminance source. The multi reader finds several labels at
 * once; the single reader's detector is more forgiving of a lone skewed or blurred code. The hybrid
 * binarizer copes with uneven light, the global one with low-contrast codes whose local windows
 * fail.
 */
enum Attempt {
    MULTI_HYBRID(HybridBinarizer::new, true),
    SINGLE_HYBRID(HybridBinarizer::new, false),
    MULTI_GLOBAL(GlobalHistogramBinarizer::new, true),
    SINGLE_GLOBAL(GlobalHistogramBinarizer::new, false);

    private static final Map<DecodeHintType, Object> HINTS =
            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);

    private final Function<LuminanceSource, Binarizer> binarizer;
    private final boolean multi;

    Attempt(Function<LuminanceSource, Binarizer> binarizer, boolean multi) {
        this.binarizer = binarizer;
        this.multi = multi;
    }

    boolean multi() {
        return multi;
    }

    /**
     * Everything in the source that looks like a finder pattern (the three squares in a QR code's
     * corners).
     */
    static List<ResultPoint> finderPatterns(LuminanceSource source) {
        List<ResultPoint> points = new ArrayList<>();
        try {
            new MultiFinderPatternFinder(new HybridBinarizer(source).getBlackMatrix(), points::add)
                    .findMulti(HINTS);
        } catch (NotFoundException fewerThanThree) {
            // The points seen are still reported.
        }
        return points;
    }

    List<Result> run(LuminanceSource source) {
        BinaryBitmap bitmap = new BinaryBitmap(binarizer.apply(source));
        try {
            if (multi) {
                return List.of(new QRCodeMultiReader().decodeMultiple(bitmap, HINTS));
            }
            return List.of(new QRCodeReader().decode(bitmap, HINTS));
        } catch (ReaderException nothingHere) {
            return List.of();
        }
    }
}
