package jp.azukari.custody.domain;

public enum ContractStatus {
    ACTIVE,
    COMPLETED,
    CLOSED
}
