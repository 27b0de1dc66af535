package jp.azukari.disposal;

import java.time.LocalDate;
import java.util.List;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.custody.domain.ApprovalFacts;
import jp.azukari.custody.domain.AssetFacts;
import jp.azukari.custody.domain.ContractStatus;
import jp.azukari.custody.domain.CustodyState;
import jp.azukari.custody.domain.Decision;
import jp.azukari.custody.domain.PriorApproval;
import jp.azukari.custody.domain.RefusalCode;

/**
 * Disposal instead of return (art. 6 proviso): only an asset with the contractor, not on its way
 * anywhere, under an APPROVED and unexpired DISPOSE_INSTEAD_OF_RETURN approval covering it.
 * Recorded by the contractor's custodian holding it, or by an agency MANAGER who witnessed it.
 */
public final class DisposalRules {

    private DisposalRules() {}

    public static Decision decide(
            Actor actor,
            AssetFacts asset,
            ContractStatus contract,
            List<ApprovalFacts> approvals,
            LocalDate today) {
        if (actor.role() != Role.CUSTODIAN && actor.role() != Role.MANAGER) {
            return refused(
                    RefusalCode.ROLE_NOT_PERMITTED, actor.role() + " may not record a disposal");
        }
        if (contract == ContractStatus.CLOSED) {
            return refused(RefusalCode.CONTRACT_NOT_ACTIVE, "The contract is CLOSED");
        }
        if (asset.state() == CustodyState.WITH_SUBCONTRACTOR) {
            return refused(
                    RefusalCode.SUBCONTRACTOR_HOLDS,
                    "A subcontractor holds the asset: the contractor recovers it before disposing of it");
        }
        if (asset.state() != CustodyState.WITH_CONTRACTOR) {
            return refused(
                    RefusalCode.ASSET_NOT_AVAILABLE,
                    "The asset is "
                            + asset.state()
                            + ": only an asset with the contractor can be disposed of");
        }
        if (actor.role() == Role.CUSTODIAN && !actor.partyId().equals(asset.holderPartyId())) {
            return refused(
                    RefusalCode.NOT_HOLDER,
                    "Only the party holding the asset records its disposal");
        }
        if (asset.inOpenTransfer()) {
            return refused(RefusalCode.ALREADY_IN_TRANSFER, null);
        }
        return PriorApproval.find(
                PriorApproval.Need.DISPOSAL, asset.contractId(), asset.id(), approvals, today);
    }

    private static Decision refused(RefusalCode code, String detail) {
        return Decision.refused(code, detail);
    }
}
