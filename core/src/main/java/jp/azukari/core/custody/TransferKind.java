package jp.azukari.core.custody;

/** The kinds of transfer of custody (SPEC): who hands what to whom. */
public enum TransferKind {
    /** agency → contractor; started in the web console */
    ISSUE,
    /** contractor → approved subcontractor (art. 4) */
    HANDOFF,
    /** subcontractor → contractor (art. 7) */
    RECOVER,
    /** contractor → agency (art. 6) */
    RETURN;

    /**
     * The kinds as a regular expression, for a request parameter's validation (an annotation needs
     * a constant; {@code TransferKindTests} checks it names exactly the kinds above).
     */
    public static final String REGEX = "ISSUE|HANDOFF|RECOVER|RETURN";

    /**
     * Whether a custodian or clerk starts it from the counter (the scanner app); an ISSUE starts in
     * the console.
     */
    public boolean startsAtCounter() {
        return this != ISSUE;
    }
}
