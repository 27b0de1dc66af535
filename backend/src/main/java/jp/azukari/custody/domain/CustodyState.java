package jp.azukari.custody.domain;

/**
 * Where an asset stands (SPEC §4): REGISTERED → WITH_CONTRACTOR ⇄ WITH_SUBCONTRACTOR;
 * WITH_CONTRACTOR → RETURNED | DISPOSED.
 */
public enum CustodyState {
    REGISTERED,
    WITH_CONTRACTOR,
    WITH_SUBCONTRACTOR,
    RETURNED,
    DISPOSED,
    LOST;

    /** Held outside the agency: what may become overdue and what blocks a contract's close. */
    public boolean isHeldOutside() {
        return this == WITH_CONTRACTOR || this == WITH_SUBCONTRACTOR;
    }
}
