package jp.azukari.scanner.counter;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import jp.azukari.core.scan.ScanResultCode;
import jp.azukari.scanner.client.ScanResult;

/**
 * What one run of {@code scanner audit} has seen: each asset counts once; a new scan of an asset
 * the audit has seen before (in this run, an earlier one or on another device: the server says
 * ALREADY_SEEN) is a duplicate. The server counts the asset once too.
 */
public final class AuditSeen {

    /** How one answered AUDIT scan reads to the person taking the inventory. */
    public enum Kind {
        FOUND,
        UNEXPECTED,
        DUPLICATE,
        /** not counted: a label refusal, a closed audit, one the user may not see */
        NOT_COUNTED
    }

    /** The server's code for a new scan of an asset this audit has seen before (any device). */
    static final String ALREADY_SEEN = "ALREADY_SEEN";

    private final Set<UUID> assets = new HashSet<>();
    private int found;
    private int unexpected;
    private int duplicates;

    public synchronized Kind classify(ScanResult result) {
        boolean counted =
                result.result() == ScanResultCode.FOUND
                        || result.result() == ScanResultCode.UNEXPECTED;
        if (!counted || result.assetId() == null) {
            return Kind.NOT_COUNTED;
        }
        if (!assets.add(result.assetId()) || ALREADY_SEEN.equals(result.code())) {
            duplicates++;
            return Kind.DUPLICATE;
        }
        if (result.result() == ScanResultCode.FOUND) {
            found++;
            return Kind.FOUND;
        }
        unexpected++;
        return Kind.UNEXPECTED;
    }

    public synchronized int found() {
        return found;
    }

    public synchronized int unexpected() {
        return unexpected;
    }

    public synchronized int duplicates() {
        return duplicates;
    }
}
