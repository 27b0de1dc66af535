package jp.azukari.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import jp.azukari.core.scan.ScanResultCode;
import jp.azukari.label.LabelService.LabelledAsset;

/**
 * A scan being answered within its batch, and whether its answer is kept (bad labels are answered
 * but leave no trace).
 */
final class ScanWork {

    final ScanService.Scan scan;
    final byte[] hash;
    ScanResult result;
    LabelledAsset asset;
    boolean store;

    /** the same scan id and payload earlier in this batch: answered like it */
    boolean duplicate;

    ScanWork(ScanService.Scan scan) {
        this.scan = scan;
        this.hash = sha256(scan.payload());
    }

    /** An answer naming the asset the label was found on. */
    ScanResult answer(ScanResultCode code, String refusal, String article, String message) {
        LabelledAsset a = asset;
        return new ScanResult(
                scan.scanId(),
                code,
                a.id(),
                a.tag(),
                a.title(),
                a.holderPartyName(),
                a.custodyState(),
                refusal,
                article,
                message);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
