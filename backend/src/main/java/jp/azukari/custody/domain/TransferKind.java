package jp.azukari.custody.domain;

public enum TransferKind {
    /** agency → contractor */
    ISSUE,
    /** contractor → approved subcontractor (art. 4) */
    HANDOFF,
    /** subcontractor → contractor (art. 7) */
    RECOVER,
    /** contractor → agency (art. 6) */
    RETURN
}
