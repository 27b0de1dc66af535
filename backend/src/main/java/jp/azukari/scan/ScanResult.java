package jp.azukari.scan;

import java.util.UUID;
import jp.azukari.core.scan.ScanResultCode;

/** The answer to one scan (docs/contracts.md). A retried scan id gets this same answer back. */
public record ScanResult(
        UUID scanId,
        ScanResultCode result,
        UUID assetId,
        String tag,
        String title,
        String holder,
        String custodyState,
        String code,
        String article,
        String message) {

    static ScanResult of(UUID scanId, ScanResultCode result, String message) {
        return new ScanResult(scanId, result, null, null, null, null, null, null, null, message);
    }
}
