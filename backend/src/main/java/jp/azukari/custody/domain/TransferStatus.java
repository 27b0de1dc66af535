package jp.azukari.custody.domain;

public enum TransferStatus {
    OPEN,
    COMPLETED,
    CANCELLED
}
