package jp.azukari.custody.domain;

public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED
}
