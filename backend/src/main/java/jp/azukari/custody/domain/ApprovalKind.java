package jp.azukari.custody.domain;

/** What the agency may approve in advance (art. 2.3, 4, 5, 6). */
public enum ApprovalKind {
    TAKE_OUT,
    PROVIDE_TO_SUBCONTRACTOR,
    COPY,
    DISPOSE_INSTEAD_OF_RETURN,
    /**
     * Art. 5: connecting the contractor's equipment to the agency's network; covers the contract,
     * never assets.
     */
    NETWORK_CONNECTION
}
