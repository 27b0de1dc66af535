package jp.azukari.scanner.queue;

/** The transfers a custodian or clerk starts from the counter (ISSUE is started in the web console). */
public enum TransferKind {
    HANDOFF,
    RECOVER,
    RETURN
}
