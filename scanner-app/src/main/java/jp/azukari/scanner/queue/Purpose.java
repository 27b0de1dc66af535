package jp.azukari.scanner.queue;

/** Why a label was scanned (docs/contracts.md, POST /api/v1/scans). */
public enum Purpose {
    CONFIRM,
    LOOKUP
}
