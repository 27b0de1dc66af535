package jp.azukari.scanner.client;

import java.util.List;
import java.util.UUID;
import jp.azukari.core.scan.ScanResultCode;

/**
 * The server's answer to one scan. {@code code} and {@code article} are set when a custody rule
 * refused it.
 */
public record ScanResult(
        UUID scanId,
        ScanResultCode result,
        UUID assetId,
        String tag,
        String title,
        String holder,
        String message,
        String code,
        String article) {

    public boolean succeeded() {
        return result != null && result.succeeded();
    }

    /** The answer body: one result per scan, in the order sent. */
    public record Results(List<ScanResult> results) {}
}
