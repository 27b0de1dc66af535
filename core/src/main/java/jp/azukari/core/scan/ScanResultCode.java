package jp.azukari.core.scan;

/**
 * The answer to one scan ({@code result} in {@code POST /api/v1/scans}, docs/contracts.md). The
 * four {@code LABEL_*} codes are also the {@code code} of a refused {@code GET
 * /api/v1/labels/resolve}.
 */
public enum ScanResultCode {
    /** custody taken */
    CONFIRMED(true),
    /** the line was confirmed before (or scanned twice in one batch) */
    ALREADY_CONFIRMED(true),
    /** a LOOKUP found the asset; an AUDIT scan found an asset expected at the audited party */
    FOUND(true),
    /**
     * an AUDIT scan of an asset not expected at the audited party; the message says where the
     * ledger places it
     */
    UNEXPECTED(true),
    /** the asset is not on the transfer being confirmed */
    NOT_ON_TRANSFER(false),
    /** not the label syntax: mistyped, truncated, wrong characters, too long */
    LABEL_MALFORMED(false),
    /** the syntax is right, the key id is unknown here or retired */
    LABEL_FOREIGN(false),
    /** the key is ours, the MAC does not match the tag */
    LABEL_FORGED(false),
    /** a genuine label, but no asset with that tag that the caller may see */
    LABEL_UNKNOWN(false),
    /** the caller may not confirm this transfer, or it does not exist for them */
    NOT_ALLOWED(false),
    /** a custody rule refused it; {@code code} and {@code article} say which */
    REFUSED(false),
    /** the scan id was used before with another payload or by another user */
    CONFLICT(false),
    /** a CONFIRM scan without its transfer */
    INVALID(false);

    private final boolean success;

    ScanResultCode(boolean success) {
        this.success = success;
    }

    public boolean succeeded() {
        return success;
    }

    /** One of the four classifications of a payload that is not a real, visible label. */
    public boolean isLabelRefusal() {
        return name().startsWith("LABEL_");
    }
}
