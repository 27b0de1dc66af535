package jp.azukari.custody;

import java.util.UUID;

import jp.azukari.custody.domain.Decision;
import jp.azukari.custody.domain.RefusalCode;
import jp.azukari.custody.persistence.TransferRow;
import jp.azukari.platform.web.Problems;
import reactor.core.publisher.Mono;

/** How cancelling and closing with missing lines answer a refusal of their rules. */
final class EndingTransfer {

    private EndingTransfer() {
    }

    static <T> Mono<T> refused(TransferRow t, Decision.Refused refused) {
        if (refused.refusal().code() == RefusalCode.TRANSFER_NOT_OPEN) {
            return Mono.error(Problems.conflict("transfer-not-open", "Transfer " + t.id() + " is " + t.status()));
        }
        return Mono.error(Problems.forbidden(refused.refusal().detail()));
    }
}
