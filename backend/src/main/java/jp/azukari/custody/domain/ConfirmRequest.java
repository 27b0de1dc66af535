package jp.azukari.custody.domain;

import java.time.LocalDate;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.core.custody.TransferKind;

/**
 * The receiving side confirms one line of a transfer.
 *
 * @param trainingRequired the agency requires a current training record to take custody (art. 3)
 * @param trainingCurrent the confirming user has a training record valid today
 */
public record ConfirmRequest(
        TransferKind kind,
        Actor actor,
        TransferStatus transferStatus,
        UUID toPartyId,
        LineStatus lineStatus,
        ApprovalFacts approval,
        LocalDate today,
        boolean trainingRequired,
        boolean trainingCurrent) {}
