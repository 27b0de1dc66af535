package jp.azukari.scanner.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import jp.azukari.scanner.testing.TrayPhotos;

/**
 * How a decoder did on tray photos: labels found (all and light-on-dark), misreads, time per photo.
 */
public record TrayScore(
        int labels,
        int found,
        int lightOnDark,
        int lightOnDarkFound,
        int misreads,
        List<Double> millis,
        List<String> missed) {

    /** Runs {@code decoder} (JPEG bytes → texts) over the trays. */
    public static TrayScore of(
            List<TrayPhotos.Tray> trays, Function<byte[], List<String>> decoder) {
        int labels = 0;
        int found = 0;
        int dark = 0;
        int darkFound = 0;
        int misreads = 0;
        List<Double> millis = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (TrayPhotos.Tray tray : trays) {
            long start = System.nanoTime();
            List<String> texts = decoder.apply(tray.jpeg());
            millis.add((System.nanoTime() - start) / 1e6);
            Set<String> read = new HashSet<>(texts);
            Set<String> expected = new HashSet<>();
            for (TrayPhotos.TrayLabel label : tray.labels()) {
                expected.add(label.payload());
                labels++;
                boolean hit = read.contains(label.payload());
                found += hit ? 1 : 0;
                if (label.lightOnDark()) {
                    dark++;
                    darkFound += hit ? 1 : 0;
                }
                if (!hit) {
                    missed.add(
                            "tray "
                                    + tray.index()
                                    + (label.lightOnDark() ? " (light-on-dark) " : " ")
                                    + label.payload());
                }
            }
            misreads += (int) read.stream().filter(text -> !expected.contains(text)).count();
        }
        Collections.sort(millis);
        return new TrayScore(
                labels, found, dark, darkFound, misreads, List.copyOf(millis), List.copyOf(missed));
    }

    public double foundShare() {
        return labels == 0 ? 0 : found / (double) labels;
    }

    public double medianMillis() {
        return millis.isEmpty() ? 0 : millis.get((millis.size() - 1) / 2);
    }

    public String summary() {
        return String.format(
                "%d of %d labels found (%.1f %%), light-on-dark %d of %d, %d misreads, median %.0f ms per photo",
                found,
                labels,
                100 * foundShare(),
                lightOnDarkFound,
                lightOnDark,
                misreads,
                medianMillis());
    }
}
