package jp.azukari.scanner.bench;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.azukari.core.decode.DecodedCode;
import jp.azukari.core.image.GrayImages;
import jp.azukari.core.image.ImageLoader;
import jp.azukari.core.image.PhotoDecoder;
import jp.azukari.core.decode.QrDecoder;
import jp.azukari.core.image.UnreadableImage;
import jp.azukari.scanner.testing.Images;
import jp.azukari.scanner.testing.PhotoSet;

/**
 * Decodes every test photo at four rotations; prints reads per set and rotation against the README thresholds, misreads,
 * and the median and 90th-percentile decode time per photo (grey conversion plus search, after one warm-up round).
 */
public final class DecodeBenchmark {

    public static void main(String[] args) {
        QrDecoder decoder = new QrDecoder();
        warmUp(decoder);
        List<Double> millis = new ArrayList<>();
        int totalRead = 0;
        int totalThreshold = 0;
        int misreads = 0;
        System.out.printf("%-9s %8s %6s %9s %9s%n", "set", "rotation", "read", "threshold", "misreads");
        for (PhotoSet set : PhotoSet.values()) {
            List<PhotoSet.Photo> photos = set.photos();
            for (int rotation : PhotoSet.ROTATIONS) {
                int read = 0;
                int wrong = 0;
                for (PhotoSet.Photo photo : photos) {
                    BufferedImage image = Images.rotated(Images.read(photo.file()), rotation);
                    long start = System.nanoTime();
                    List<DecodedCode> codes = decoder.decode(GrayImages.of(image));
                    millis.add((System.nanoTime() - start) / 1e6);
                    for (DecodedCode code : codes) {
                        if (code.text().equals(photo.expectedText())) {
                            read++;
                        } else {
                            wrong++;
                            System.out.printf("  misread %s @%d: %s%n", photo.file(), rotation, code.text());
                        }
                    }
                }
                System.out.printf("%-9s %7d° %6d %9d %9d%s%n", set.folder(), rotation, read, set.threshold(rotation), wrong,
                        read < set.threshold(rotation) ? "  BELOW THRESHOLD" : "");
                totalRead += read;
                totalThreshold += set.threshold(rotation);
                misreads += wrong;
            }
        }
        Collections.sort(millis);
        System.out.printf("total: %d read of %d decodes (thresholds sum to %d), %d misreads%n",
                totalRead, millis.size(), totalThreshold, misreads);
        System.out.printf("decode time per photo: median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                percentile(millis, 50), percentile(millis, 90), millis.get(millis.size() - 1));
        List<Double> fromFile = fromFile();
        System.out.printf("file to codes at 0° (PNG read + decode): median %.1f ms, p90 %.1f ms%n",
                percentile(fromFile, 50), percentile(fromFile, 90));
    }

    /** The whole path the scanner takes for a picture file: read it, convert it, search it. */
    private static List<Double> fromFile() {
        PhotoDecoder photos = new PhotoDecoder(new ImageLoader(), new QrDecoder());
        List<Double> millis = new ArrayList<>();
        for (PhotoSet set : PhotoSet.values()) {
            for (PhotoSet.Photo photo : set.photos()) {
                long start = System.nanoTime();
                try {
                    photos.decode(photo.file());
                } catch (UnreadableImage e) {
                    throw new IllegalStateException(photo.file() + " is unreadable", e);
                }
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(millis);
        return millis;
    }

    private static void warmUp(QrDecoder decoder) {
        for (PhotoSet.Photo photo : PhotoSet.QRCODE_1.photos()) {
            decoder.decode(GrayImages.of(Images.read(photo.file())));
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
