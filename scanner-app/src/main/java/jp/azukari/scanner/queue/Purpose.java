package jp.azukari.scanner.queue;

/** Why a label was scanned (docs/contracts.md, POST /api/v1/scans). */
public enum Purpose {
    CONFIRM,
    LOOKUP,
    /** into an open audit session (inventory): {@code auditId} names it */
    AUDIT
}
