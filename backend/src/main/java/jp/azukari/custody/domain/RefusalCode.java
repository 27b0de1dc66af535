package jp.azukari.custody.domain;

/**
 * Why a custody action was refused. Each code says on what grounds (the web edge answers each with
 * its status) and names the article of the Special Provisions on Information Security it enforces,
 * where one applies.
 */
public enum RefusalCode {
    ROLE_NOT_PERMITTED(Grounds.NOT_ALLOWED, null, "This role may not take this custody action"),
    NOT_HOLDER(Grounds.NOT_ALLOWED, "2.3", "Only the party holding the asset may hand it on"),
    NOT_RECIPIENT(Grounds.NOT_ALLOWED, null, "Only the receiving party may confirm this transfer"),
    CONTRACT_NOT_ACTIVE(
            Grounds.NOT_NOW,
            "2.1",
            "The contract does not allow this action in its current status"),
    ASSET_NOT_AVAILABLE(
            Grounds.NOT_NOW, null, "The asset's custody state does not allow this transfer"),
    ALREADY_IN_TRANSFER(Grounds.NOT_NOW, null, "The asset is already in an open transfer"),
    SUBCONTRACTOR_HOLDS(
            Grounds.NOT_NOW,
            "7",
            "A subcontractor holds the asset: the contractor must recover it first"),
    APPROVAL_REQUIRED(
            Grounds.NOT_ALLOWED,
            "4",
            "Handing an asset to a subcontractor needs an approved PROVIDE_TO_SUBCONTRACTOR approval naming it and covering the asset"),
    APPROVAL_EXPIRED(Grounds.NOT_ALLOWED, "4", "The approval has expired"),
    INVALID_RECIPIENT(
            Grounds.DOES_NOT_FIT, null, "The receiving party does not fit this kind of transfer"),
    TRANSFER_NOT_OPEN(Grounds.NOT_NOW, null, "The transfer is no longer open"),
    ALREADY_CONFIRMED(Grounds.NOT_NOW, null, "This line was already confirmed"),
    NOT_ON_TRANSFER(Grounds.NOT_NOW, null, "The asset is not on this transfer"),
    TRAINING_REQUIRED(
            Grounds.NOT_ALLOWED,
            "3",
            "Taking custody requires a current information security training record"),
    HANDLING_NOT_ACKNOWLEDGED(
            Grounds.NOT_ALLOWED,
            "2.2",
            "Taking custody of an asset with handling requirements needs the receiver's acknowledgement of them"),
    HANDLING_ACK_MISMATCH(
            Grounds.NOT_NOW,
            "2.2",
            "The handling acknowledgement is not for this transfer's requirements"),
    DISPOSAL_NOT_APPROVED(
            Grounds.NOT_ALLOWED,
            "6",
            "Disposal instead of return needs an APPROVED DISPOSE_INSTEAD_OF_RETURN approval covering the asset"),
    DISPOSAL_APPROVAL_EXPIRED(
            Grounds.NOT_ALLOWED,
            "6",
            "The DISPOSE_INSTEAD_OF_RETURN approval covering the asset has expired"),
    COPY_NOT_APPROVED(
            Grounds.NOT_ALLOWED,
            "2.3",
            "Copying an asset needs an APPROVED COPY approval covering it"),
    COPY_APPROVAL_EXPIRED(
            Grounds.NOT_ALLOWED, "2.3", "The COPY approval covering the asset has expired"),
    TAKE_OUT_NOT_APPROVED(
            Grounds.NOT_ALLOWED,
            "2.3",
            "Taking an asset off the premises needs an APPROVED TAKE_OUT approval covering it"),
    TAKE_OUT_APPROVAL_EXPIRED(
            Grounds.NOT_ALLOWED, "2.3", "The TAKE_OUT approval covering the asset has expired"),
    OUTSTANDING_ASSETS(
            Grounds.NOT_NOW, "6", "The contract cannot close while assets are outstanding"),
    CONTRACT_NOT_COMPLETED(Grounds.NOT_NOW, "6", "Only a COMPLETED contract can be closed"),
    ALREADY_BROUGHT_BACK(Grounds.NOT_NOW, "2.3", "The take-out was already brought back"),
    INCIDENT_STEP_NOT_ALLOWED(
            Grounds.NOT_NOW,
            "8",
            "An incident moves OPEN → INVESTIGATING → CLOSED, one step at a time"),
    INCIDENT_CLOSED(Grounds.NOT_NOW, "8", "The incident is CLOSED"),
    SELF_APPROVAL(
            Grounds.NOT_ALLOWED,
            "2.3",
            "Whoever asked for an approval may not decide it: another MANAGER must (separation of duties)");

    /** On what grounds an action is refused. */
    public enum Grounds {
        /** this person, role or party may not take the action */
        NOT_ALLOWED,
        /** the asset, transfer or contract is not in a state that allows it now */
        NOT_NOW,
        /** the request itself does not fit the kind of action */
        DOES_NOT_FIT
    }

    private final Grounds grounds;
    private final String article;
    private final String rule;

    RefusalCode(Grounds grounds, String article, String rule) {
        this.grounds = grounds;
        this.article = article;
        this.rule = rule;
    }

    public Grounds grounds() {
        return grounds;
    }

    /** The article of the Special Provisions this code enforces, or null. */
    public String article() {
        return article;
    }

    public String rule() {
        return rule;
    }
}
