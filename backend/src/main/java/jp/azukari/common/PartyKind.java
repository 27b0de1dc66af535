package jp.azukari.common;

public enum PartyKind {
    AGENCY,
    CONTRACTOR,
    SUBCONTRACTOR
}
