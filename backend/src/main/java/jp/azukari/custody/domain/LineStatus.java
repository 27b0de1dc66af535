package jp.azukari.custody.domain;

public enum LineStatus {
    PENDING,
    CONFIRMED,
    MISSING,
    CANCELLED
}
