package jp.azukari.copy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.custody.domain.ApprovalFacts;
import jp.azukari.custody.domain.AssetFacts;
import jp.azukari.custody.domain.ContractStatus;
import jp.azukari.custody.domain.Decision;
import jp.azukari.custody.domain.PriorApproval;
import jp.azukari.custody.domain.Refusal;
import jp.azukari.custody.domain.RefusalCode;

/**
 * Article 2.3: no copying and no taking out unless the agency approved it in advance. Only the
 * custodian of the party holding the asset does either, while the contract's work goes on.
 */
public final class CopyRules {

    private CopyRules() {}

    public static Decision copy(
            Actor actor,
            AssetFacts asset,
            ContractStatus contract,
            List<ApprovalFacts> approvals,
            LocalDate today) {
        Refusal basic = holderActing(actor, asset, contract, "copy");
        if (basic != null) {
            return Decision.refused(basic);
        }
        return PriorApproval.find(
                PriorApproval.Need.COPY, asset.contractId(), asset.id(), approvals, today);
    }

    public static Decision takeOut(
            Actor actor,
            AssetFacts asset,
            ContractStatus contract,
            boolean alreadyOut,
            List<ApprovalFacts> approvals,
            LocalDate today) {
        Refusal basic = holderActing(actor, asset, contract, "take out");
        if (basic != null) {
            return Decision.refused(basic);
        }
        if (alreadyOut) {
            return Decision.refused(
                    RefusalCode.ASSET_NOT_AVAILABLE, "The asset is already taken out");
        }
        if (asset.inOpenTransfer()) {
            return Decision.refused(RefusalCode.ALREADY_IN_TRANSFER);
        }
        return PriorApproval.find(
                PriorApproval.Need.TAKE_OUT, asset.contractId(), asset.id(), approvals, today);
    }

    private static Refusal holderActing(
            Actor actor, AssetFacts asset, ContractStatus contract, String what) {
        if (actor.role() != Role.CUSTODIAN) {
            return new Refusal(
                    RefusalCode.ROLE_NOT_PERMITTED,
                    "Only the custodian holding an asset may " + what + " it");
        }
        if (contract != ContractStatus.ACTIVE) {
            return new Refusal(
                    RefusalCode.CONTRACT_NOT_ACTIVE,
                    "The contract is " + contract + ": the work is over, nothing more to " + what);
        }
        if (!asset.state().isHeldOutside()) {
            return new Refusal(
                    RefusalCode.ASSET_NOT_AVAILABLE,
                    "The asset is "
                            + asset.state()
                            + ": only an asset held by the contractor or a subcontractor");
        }
        if (!actor.partyId().equals(asset.holderPartyId())) {
            return Refusal.of(RefusalCode.NOT_HOLDER);
        }
        return null;
    }

    /** The custodian of the party that took the asset out records it back, once. */
    public static Decision bringBack(Actor actor, UUID tookOutPartyId, boolean alreadyBack) {
        if (actor.role() != Role.CUSTODIAN || !actor.partyId().equals(tookOutPartyId)) {
            return Decision.refused(
                    RefusalCode.ROLE_NOT_PERMITTED,
                    "Only a CUSTODIAN of the party that took the asset out records it back");
        }
        return alreadyBack ? Decision.refused(RefusalCode.ALREADY_BROUGHT_BACK) : Decision.ALLOWED;
    }
}
