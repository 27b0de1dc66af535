package jp.azukari.scanner.counter;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import jp.azukari.scanner.client.Api;
import jp.azukari.scanner.client.ApiException;
import jp.azukari.scanner.client.Problem;
import jp.azukari.scanner.client.Transfer;

/** Looks at a transfer before and after confirming it: does it exist, and what is still missing. */
public final class TransferCheck {

    private final Api api;
    private final Consumer<Outcome> outcomes;

    public TransferCheck(Api api, Consumer<Outcome> outcomes) {
        this.api = api;
        this.outcomes = outcomes;
    }

    /**
     * The server's refusal when it says there is no such transfer for this user; empty if it exists
     * or is unknown now.
     */
    public Optional<Problem> refusal(UUID transferId) {
        try {
            api.transfer(transferId);
            return Optional.empty();
        } catch (ApiException.Refused refused) {
            return Optional.of(refused.problem());
        } catch (ApiException offline) {
            return Optional.empty(); // Scans are queued and confirmed later; the check is not worth
            // blocking on.
        }
    }

    /** Reports the lines not yet confirmed; reports nothing when the server cannot tell now. */
    public void reportMissing(UUID transferId) {
        try {
            Transfer transfer = api.transfer(transferId);
            outcomes.accept(new Outcome.StillMissing(transfer, transfer.outstanding()));
        } catch (ApiException e) {
            // The scans' own lines already say what happened; the missing list is shown on the next
            // confirm.
        }
    }
}
