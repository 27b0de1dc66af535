package jp.azukari.custody;

import jp.azukari.custody.domain.Decision;
import jp.azukari.custody.domain.Refusal;
import jp.azukari.custody.domain.RefusalCode;
import jp.azukari.custody.persistence.TransferRow;
import reactor.core.publisher.Mono;

/** How cancelling and closing with missing lines answer a refusal of their rules. */
final class EndingTransfer {

    private EndingTransfer() {}

    static <T> Mono<T> refused(TransferRow t, Decision.Refused refused) {
        if (refused.refusal().code() == RefusalCode.TRANSFER_NOT_OPEN) {
            return Mono.error(
                    CustodyRefusedException.answer(
                            "transfer-not-open",
                            "Conflict",
                            new Refusal(
                                    RefusalCode.TRANSFER_NOT_OPEN,
                                    "Transfer " + t.id() + " is " + t.status())));
        }
        return Mono.error(
                CustodyRefusedException.answer("forbidden", "Forbidden", refused.refusal()));
    }
}
