package jp.azukari.scan.web;

import java.util.UUID;
import jp.azukari.core.scan.ScanResultCode;
import jp.azukari.scan.ScanResult;

/**
 * One line of the scan station: ✓ or ✗, the asset's tag and title when the label was read, and the
 * reason as a message key ({@code scan.result.*}) with the rule's code and detail when a custody
 * rule refused.
 */
public record ScanLine(
        UUID scanId,
        boolean ok,
        String result,
        UUID assetId,
        String tag,
        String title,
        String code,
        String detail) {

    static ScanLine of(ScanResult r) {
        ScanResultCode code = r.result();
        boolean ok = code == ScanResultCode.CONFIRMED || code == ScanResultCode.FOUND;
        String detail =
                code == ScanResultCode.REFUSED || code == ScanResultCode.NOT_ALLOWED
                        ? r.message()
                        : null;
        return new ScanLine(
                r.scanId(), ok, code.name(), r.assetId(), r.tag(), r.title(), r.code(), detail);
    }

    /**
     * A scan the station answers itself, before any label is read (empty, far too long, a broken
     * form).
     */
    static ScanLine refused(UUID scanId, String result) {
        return new ScanLine(scanId, false, result, null, null, null, null, null);
    }

    public String messageKey() {
        return "scan.result." + result;
    }

    public String domId() {
        return "scan-" + scanId;
    }
}
