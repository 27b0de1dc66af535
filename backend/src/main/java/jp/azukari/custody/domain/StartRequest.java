package jp.azukari.custody.domain;

import java.time.LocalDate;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.PartyKind;
import jp.azukari.core.custody.TransferKind;

/**
 * Someone asks to move assets.
 *
 * @param requestedToPartyId the party named as recipient; required for HANDOFF, optional (but
 *     checked) otherwise
 * @param requestedToPartyKind that party's kind, or null when no such party exists
 * @param approval the approval the request cites (HANDOFF), or null
 * @param today the agency's today
 */
public record StartRequest(
        TransferKind kind,
        Actor actor,
        ContractFacts contract,
        UUID requestedToPartyId,
        PartyKind requestedToPartyKind,
        ApprovalFacts approval,
        LocalDate today) {}
