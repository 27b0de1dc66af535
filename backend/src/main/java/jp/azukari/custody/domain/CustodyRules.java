package jp.azukari.custody.domain;

import static jp.azukari.custody.domain.RefusalCode.ALREADY_CONFIRMED;
import static jp.azukari.custody.domain.RefusalCode.ALREADY_IN_TRANSFER;
import static jp.azukari.custody.domain.RefusalCode.APPROVAL_EXPIRED;
import static jp.azukari.custody.domain.RefusalCode.APPROVAL_REQUIRED;
import static jp.azukari.custody.domain.RefusalCode.ASSET_NOT_AVAILABLE;
import static jp.azukari.custody.domain.RefusalCode.CONTRACT_NOT_ACTIVE;
import static jp.azukari.custody.domain.RefusalCode.INVALID_RECIPIENT;
import static jp.azukari.custody.domain.RefusalCode.NOT_HOLDER;
import static jp.azukari.custody.domain.RefusalCode.NOT_RECIPIENT;
import static jp.azukari.custody.domain.RefusalCode.ROLE_NOT_PERMITTED;
import static jp.azukari.custody.domain.RefusalCode.SUBCONTRACTOR_HOLDS;
import static jp.azukari.custody.domain.RefusalCode.TRAINING_REQUIRED;
import static jp.azukari.custody.domain.RefusalCode.TRANSFER_NOT_OPEN;

import java.time.LocalDate;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.core.custody.TransferKind;

/**
 * The custody rules of SPEC §4 as plain functions: who may start and confirm each kind of transfer,
 * in which state, under which approval; and where an asset stands once a transfer is confirmed.
 *
 * <p>Checks run in a fixed order — role, contract, state, holder, open transfer, approval — so the
 * code a person sees names the most basic rule they broke.
 */
public final class CustodyRules {

    private CustodyRules() {}

    public static Decision start(StartRequest req, AssetFacts asset) {
        Actor actor = req.actor();
        ContractFacts contract = req.contract();
        if (!mayStart(req.kind(), actor.role())) {
            return Decision.refused(
                    ROLE_NOT_PERMITTED, actor.role() + " may not start a " + req.kind());
        }
        if (!asset.contractId().equals(contract.id())) {
            return Decision.refused(INVALID_RECIPIENT, "The asset belongs to another contract");
        }
        if (!contractAllows(req.kind(), contract.status())) {
            return Decision.refused(
                    CONTRACT_NOT_ACTIVE,
                    "The contract is " + contract.status() + ": no " + req.kind());
        }
        Decision stateOrHolder = stateAndHolder(req, asset);
        if (stateOrHolder instanceof Decision.Refused) {
            return stateOrHolder;
        }
        if (asset.inOpenTransfer()) {
            return Decision.refused(ALREADY_IN_TRANSFER);
        }
        return route(req, asset);
    }

    private static boolean mayStart(TransferKind kind, Role role) {
        return switch (kind) {
            case ISSUE -> role == Role.CLERK;
            case HANDOFF, RECOVER -> role == Role.CUSTODIAN;
            case RETURN -> role == Role.CUSTODIAN || role == Role.CLERK;
        };
    }

    private static boolean contractAllows(TransferKind kind, ContractStatus status) {
        return switch (kind) {
            case ISSUE, HANDOFF -> status == ContractStatus.ACTIVE;
            // what is out must still come back after the work is completed (art. 6, 7)
            case RECOVER, RETURN -> status != ContractStatus.CLOSED;
        };
    }

    private static Decision stateAndHolder(StartRequest req, AssetFacts asset) {
        UUID party = req.actor().partyId();
        ContractFacts contract = req.contract();
        CustodyState state = asset.state();
        return switch (req.kind()) {
            case ISSUE -> {
                if (state != CustodyState.REGISTERED && state != CustodyState.RETURNED) {
                    yield Decision.refused(
                            ASSET_NOT_AVAILABLE,
                            "The asset is "
                                    + state
                                    + ": only a registered or returned asset can be issued");
                }
                yield party.equals(contract.agencyPartyId())
                        ? allowed()
                        : Decision.refused(
                                NOT_HOLDER, "Only the contract's agency issues its assets");
            }
            case HANDOFF -> {
                if (state != CustodyState.WITH_CONTRACTOR) {
                    yield Decision.refused(
                            ASSET_NOT_AVAILABLE,
                            "The asset is "
                                    + state
                                    + ": only an asset with the contractor can be handed to a subcontractor");
                }
                yield party.equals(asset.holderPartyId())
                                && party.equals(contract.contractorPartyId())
                        ? allowed()
                        : Decision.refused(NOT_HOLDER);
            }
            case RECOVER -> {
                if (state != CustodyState.WITH_SUBCONTRACTOR) {
                    yield Decision.refused(
                            ASSET_NOT_AVAILABLE,
                            "The asset is "
                                    + state
                                    + ": only an asset with a subcontractor can be recovered");
                }
                yield party.equals(asset.holderPartyId())
                                || party.equals(contract.contractorPartyId())
                        ? allowed()
                        : Decision.refused(
                                NOT_HOLDER,
                                "Only the contractor or the subcontractor holding the asset may start its recovery");
            }
            case RETURN -> {
                if (state == CustodyState.WITH_SUBCONTRACTOR) {
                    yield Decision.refused(SUBCONTRACTOR_HOLDS);
                }
                if (state != CustodyState.WITH_CONTRACTOR) {
                    yield Decision.refused(
                            ASSET_NOT_AVAILABLE,
                            "The asset is "
                                    + state
                                    + ": only an asset with the contractor can be returned");
                }
                UUID side =
                        req.actor().role() == Role.CLERK
                                ? contract.agencyPartyId()
                                : contract.contractorPartyId();
                yield party.equals(side)
                        ? allowed()
                        : Decision.refused(
                                NOT_HOLDER,
                                "Only the contractor or the agency's counter may return the asset");
            }
        };
    }

    private static Decision route(StartRequest req, AssetFacts asset) {
        ContractFacts contract = req.contract();
        UUID requested = req.requestedToPartyId();
        return switch (req.kind()) {
            case ISSUE ->
                    fixedRoute(contract.agencyPartyId(), contract.contractorPartyId(), requested);
            case RECOVER ->
                    fixedRoute(asset.holderPartyId(), contract.contractorPartyId(), requested);
            case RETURN ->
                    fixedRoute(contract.contractorPartyId(), contract.agencyPartyId(), requested);
            case HANDOFF -> handoff(req, asset);
        };
    }

    private static Decision fixedRoute(UUID from, UUID to, UUID requested) {
        if (requested != null && !requested.equals(to)) {
            return Decision.refused(
                    INVALID_RECIPIENT, "This kind of transfer can only go to party " + to);
        }
        return new Decision.Allowed(from, to);
    }

    private static Decision handoff(StartRequest req, AssetFacts asset) {
        if (req.requestedToPartyId() == null
                || req.requestedToPartyKind() != PartyKind.SUBCONTRACTOR) {
            return Decision.refused(INVALID_RECIPIENT, "A handoff goes to a subcontractor party");
        }
        ApprovalFacts approval = req.approval();
        if (approval == null
                || approval.kind() != ApprovalKind.PROVIDE_TO_SUBCONTRACTOR
                || approval.status() != ApprovalStatus.APPROVED
                || !approval.contractId().equals(req.contract().id())
                || !req.requestedToPartyId().equals(approval.subcontractorPartyId())
                || !approval.covers(asset.id())) {
            return Decision.refused(APPROVAL_REQUIRED);
        }
        if (approval.isExpiredOn(req.today())) {
            return Decision.refused(
                    APPROVAL_EXPIRED, "The approval expired on " + approval.validUntil());
        }
        return new Decision.Allowed(req.contract().contractorPartyId(), req.requestedToPartyId());
    }

    /** The receiving side confirms one line; the asset moves only if this allows it. */
    public static Decision confirm(ConfirmRequest req) {
        Role role = req.actor().role();
        Role receiver = req.kind() == TransferKind.RETURN ? Role.CLERK : Role.CUSTODIAN;
        if (role != receiver) {
            return Decision.refused(
                    ROLE_NOT_PERMITTED,
                    "A "
                            + req.kind()
                            + " is confirmed by a "
                            + receiver
                            + " of the receiving party");
        }
        if (!req.actor().partyId().equals(req.toPartyId())) {
            return Decision.refused(NOT_RECIPIENT);
        }
        if (req.transferStatus() != TransferStatus.OPEN) {
            return Decision.refused(TRANSFER_NOT_OPEN, "The transfer is " + req.transferStatus());
        }
        if (req.lineStatus() == LineStatus.CONFIRMED) {
            return Decision.refused(ALREADY_CONFIRMED);
        }
        if (req.lineStatus() != LineStatus.PENDING) {
            return Decision.refused(TRANSFER_NOT_OPEN, "The line is " + req.lineStatus());
        }
        if (req.trainingRequired() && !req.trainingCurrent() && req.kind() != TransferKind.RETURN) {
            return Decision.refused(TRAINING_REQUIRED);
        }
        if (req.kind() == TransferKind.HANDOFF
                && (req.approval() == null || req.approval().isExpiredOn(req.today()))) {
            return Decision.refused(
                    APPROVAL_EXPIRED, "The approval for this handoff is no longer valid");
        }
        return new Decision.Allowed(null, req.toPartyId());
    }

    /** The sending side (a CUSTODIAN or CLERK of it) or a MANAGER calls off an open transfer. */
    public static Decision cancel(Actor actor, UUID fromPartyId, TransferStatus status) {
        boolean sender =
                actor.partyId().equals(fromPartyId)
                        && (actor.role() == Role.CUSTODIAN || actor.role() == Role.CLERK);
        if (!sender && actor.role() != Role.MANAGER) {
            return Decision.refused(
                    ROLE_NOT_PERMITTED, "Only the sending party or a MANAGER cancels a transfer");
        }
        return status == TransferStatus.OPEN
                ? allowed()
                : Decision.refused(TRANSFER_NOT_OPEN, "The transfer is " + status);
    }

    /**
     * Either side (a CUSTODIAN or CLERK of it) or a MANAGER closes an open transfer whose pending
     * lines never arrived.
     */
    public static Decision closeWithMissing(
            Actor actor, UUID fromPartyId, UUID toPartyId, TransferStatus status) {
        boolean side =
                (actor.partyId().equals(toPartyId) || actor.partyId().equals(fromPartyId))
                        && (actor.role() == Role.CUSTODIAN || actor.role() == Role.CLERK);
        if (!side && actor.role() != Role.MANAGER) {
            return Decision.refused(
                    ROLE_NOT_PERMITTED,
                    "Only the receiving or sending party, or a MANAGER, closes a transfer with missing lines");
        }
        return status == TransferStatus.OPEN
                ? allowed()
                : Decision.refused(TRANSFER_NOT_OPEN, "The transfer is " + status);
    }

    /** Where the asset stands once the receiving side confirmed. */
    public static Custody afterConfirmation(
            TransferKind kind, ContractFacts contract, ApprovalFacts approval, UUID toPartyId) {
        return switch (kind) {
            case ISSUE, RECOVER ->
                    new Custody(CustodyState.WITH_CONTRACTOR, toPartyId, contract.dueOn());
            case HANDOFF ->
                    new Custody(
                            CustodyState.WITH_SUBCONTRACTOR,
                            toPartyId,
                            earlier(contract.dueOn(), approval.validUntil()));
            case RETURN -> new Custody(CustodyState.RETURNED, toPartyId, null);
        };
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return b != null && b.isBefore(a) ? b : a;
    }

    private static Decision allowed() {
        return Decision.ALLOWED;
    }
}
