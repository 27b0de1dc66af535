package jp.azukari.ledger;

/**
 * What one ledger entry records. Past tense: each names something that happened (or was refused).
 */
public enum EventType {
    REGISTERED,
    TRANSFER_OPENED,
    TRANSFER_CANCELLED,
    ISSUED,
    HANDED_OFF,
    RECOVERED,
    RETURNED,
    MARKED_MISSING,
    DISPOSED,
    COPIED,
    COPY_REGISTERED,
    TAKEN_OUT,
    BROUGHT_BACK,
    LOST,
    SCANNED_UNEXPECTED,
    REFUSED,
    /** An incident was reported about the asset (art. 8); a LOSS or THEFT records LOST instead. */
    INCIDENT_REPORTED,
    /**
     * An audit (inventory) saw the asset: where, by whom, and whether it was expected there (art.
     * 9).
     */
    AUDIT_SEEN
}
