package jp.azukari.custody.domain;

/**
 * Why a custody action was refused. Each code carries the HTTP status it answers with and the article of the
 * Special Provisions on Information Security it enforces, where one applies.
 */
public enum RefusalCode {
    ROLE_NOT_PERMITTED(403, null, "This role may not take this custody action"),
    NOT_HOLDER(403, "2.3", "Only the party holding the asset may hand it on"),
    NOT_RECIPIENT(403, null, "Only the receiving party may confirm this transfer"),
    CONTRACT_NOT_ACTIVE(409, "2.1", "The contract does not allow this action in its current status"),
    ASSET_NOT_AVAILABLE(409, null, "The asset's custody state does not allow this transfer"),
    ALREADY_IN_TRANSFER(409, null, "The asset is already in an open transfer"),
    SUBCONTRACTOR_HOLDS(409, "7", "A subcontractor holds the asset: the contractor must recover it first"),
    APPROVAL_REQUIRED(403, "4", "Handing an asset to a subcontractor needs an approved PROVIDE_TO_SUBCONTRACTOR approval naming it and covering the asset"),
    APPROVAL_EXPIRED(403, "4", "The approval has expired"),
    INVALID_RECIPIENT(422, null, "The receiving party does not fit this kind of transfer"),
    TRANSFER_NOT_OPEN(409, null, "The transfer is no longer open"),
    ALREADY_CONFIRMED(409, null, "This line was already confirmed"),
    NOT_ON_TRANSFER(409, null, "The asset is not on this transfer"),
    TRAINING_REQUIRED(403, "3", "Taking custody requires a current information security training record"),
    DISPOSAL_NOT_APPROVED(403, "6", "Disposal instead of return needs an APPROVED DISPOSE_INSTEAD_OF_RETURN approval covering the asset"),
    DISPOSAL_APPROVAL_EXPIRED(403, "6", "The DISPOSE_INSTEAD_OF_RETURN approval covering the asset has expired"),
    COPY_NOT_APPROVED(403, "2.3", "Copying an asset needs an APPROVED COPY approval covering it"),
    COPY_APPROVAL_EXPIRED(403, "2.3", "The COPY approval covering the asset has expired"),
    TAKE_OUT_NOT_APPROVED(403, "2.3", "Taking an asset off the premises needs an APPROVED TAKE_OUT approval covering it"),
    TAKE_OUT_APPROVAL_EXPIRED(403, "2.3", "The TAKE_OUT approval covering the asset has expired"),
    OUTSTANDING_ASSETS(409, "6", "The contract cannot close while assets are outstanding"),
    SELF_APPROVAL(403, "2.3", "Whoever asked for an approval may not decide it: another MANAGER must (separation of duties)");

    private final int httpStatus;
    private final String article;
    private final String rule;

    RefusalCode(int httpStatus, String article, String rule) {
        this.httpStatus = httpStatus;
        this.article = article;
        this.rule = rule;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The article of the Special Provisions this code enforces, or null. */
    public String article() {
        return article;
    }

    public String rule() {
        return rule;
    }
}
