package jp.azukari.custody.persistence;

import java.util.UUID;
import jp.azukari.core.custody.TransferKind;
import jp.azukari.custody.domain.ContractFacts;
import jp.azukari.custody.domain.TransferStatus;

/** A transfer as its row reads, with the facts of its contract, as the custody rules need them. */
public record TransferRow(
        UUID id,
        TransferKind kind,
        TransferStatus status,
        UUID contractId,
        UUID fromPartyId,
        UUID toPartyId,
        UUID approvalId,
        ContractFacts contract) {}
