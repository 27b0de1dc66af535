package jp.azukari.custody;

import java.time.Duration;
import jp.azukari.common.Actor;
import jp.azukari.custody.TransferService.OpenRequest;
import jp.azukari.custody.TransferService.Opened;
import jp.azukari.custody.persistence.IdempotencyKeys;
import jp.azukari.custody.persistence.TransferQueries;
import jp.azukari.platform.problem.Problems;
import reactor.core.publisher.Mono;

/**
 * Opening with an Idempotency-Key, around {@link OpeningTransfer}: answers the transfer an earlier
 * request with the same key made. The key is claimed first; a concurrent copy of the request waits
 * for the claim to turn into a transfer (or to be released when the first was refused, and then
 * decides for itself).
 */
public class OpeningOnce {

    private final OpeningTransfer opening;
    private final IdempotencyKeys keys;
    private final TransferQueries queries;

    public OpeningOnce(OpeningTransfer opening, IdempotencyKeys keys, TransferQueries queries) {
        this.opening = opening;
        this.keys = keys;
        this.queries = queries;
    }

    public Mono<Opened> openOnce(Actor actor, OpenRequest req) {
        String key = req.idempotencyKey();
        if (key == null) {
            return opening.open(actor, req).map(t -> new Opened(t, false));
        }
        return keys.claim(actor.userId(), key)
                .flatMap(
                        claimed ->
                                claimed
                                        ? opening.open(actor, req)
                                                .map(t -> new Opened(t, false))
                                                .onErrorResume(
                                                        e ->
                                                                keys.release(actor.userId(), key)
                                                                        .then(Mono.error(e)))
                                                // the client hung up: the work was rolled back, so
                                                // free the key for its retry now
                                                .doOnCancel(
                                                        () ->
                                                                keys.release(actor.userId(), key)
                                                                        .subscribe())
                                        : awaitEarlier(actor, req, 50));
    }

    private Mono<Opened> awaitEarlier(Actor actor, OpenRequest req, int triesLeft) {
        return keys.made(actor.userId(), req.idempotencyKey())
                .flatMap(
                        made ->
                                made.isPresent()
                                        ? queries.find(actor, made.get())
                                                .map(t -> new Opened(t, true))
                                        : triesLeft <= 0
                                                ? Mono.error(
                                                        Problems.conflict(
                                                                "request-in-progress",
                                                                "A request with this Idempotency-Key is still being processed; retry shortly"))
                                                : Mono.delay(Duration.ofMillis(100))
                                                        .then(
                                                                awaitEarlier(
                                                                        actor, req, triesLeft - 1)))
                // the claim was released (the first request was refused): decide this one afresh
                .switchIfEmpty(Mono.defer(() -> openOnce(actor, req)));
    }
}
