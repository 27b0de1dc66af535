package jp.azukari.scanner.client;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The server's answer to one scan. {@code code} and {@code article} are set when a custody rule refused it. */
public record ScanResult(UUID scanId, String result, UUID assetId, String tag, String title, String holder,
        String message, String code, String article) {

    private static final Set<String> SUCCESSES = Set.of("CONFIRMED", "ALREADY_CONFIRMED", "FOUND");

    public boolean succeeded() {
        return SUCCESSES.contains(result);
    }

    /** The answer body: one result per scan, in the order sent. */
    public record Results(List<ScanResult> results) {
    }
}
