package jp.azukari.platform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Work that arrives while earlier work is being done is done together, as a database's group commit
 * does: a lone request starts at once; under load each batch takes whatever queued meanwhile, so
 * the per-batch cost (a transaction, a round trip, a commit) is shared instead of paid by every
 * request. Nothing waits for a timer.
 *
 * <p>At most {@code maxInFlight} batches run at once, each of at most {@code maxBatch} requests.
 * Two requests with the same {@code key} never share a batch (the later one waits for the next).
 * The worker answers every request of its batch; one it leaves unanswered fails, so no caller waits
 * forever.
 */
public final class Batching<T, R> {

    /**
     * Does one batch. The Mono completes when the batch's shared work is done (its transaction
     * committed, say) and may give what answers the requests: that runs after the batch's place
     * went to the next batch, so answering (encoding, writing to the network) does not hold up the
     * next batch's work. Requests still unanswered when the Mono ends without it fail.
     */
    @FunctionalInterface
    public interface Worker<T, R> {
        Mono<Runnable> work(List<Request<T, R>> batch);
    }

    /** One caller's request and the means to answer it. */
    public static final class Request<T, R> {

        private final T value;
        private final MonoSink<R> sink;
        private final AtomicBoolean answered = new AtomicBoolean();
        private volatile boolean cancelled;

        Request(T value, MonoSink<R> sink) {
            this.value = value;
            this.sink = sink;
        }

        public T value() {
            return value;
        }

        public void answer(R result) {
            if (answered.compareAndSet(false, true)) {
                sink.success(result);
            }
        }

        public void fail(Throwable error) {
            if (answered.compareAndSet(false, true)) {
                sink.error(error);
            }
        }

        /** Answers with what {@code work} answers; the returned Mono completes when it has. */
        public Mono<Void> answerWith(Mono<R> work) {
            return work.doOnNext(this::answer)
                    .doOnError(this::fail)
                    .doOnSuccess(
                            r -> {
                                if (r == null) {
                                    fail(new IllegalStateException("no answer"));
                                }
                            })
                    .then()
                    .onErrorResume(e -> Mono.empty());
        }
    }

    private final ConcurrentLinkedDeque<Request<T, R>> queue = new ConcurrentLinkedDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int maxBatch;
    private final int maxInFlight;
    private final Function<T, Object> key;
    private final Worker<T, R> worker;

    public Batching(int maxBatch, int maxInFlight, Function<T, Object> key, Worker<T, R> worker) {
        if (maxBatch < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("maxBatch and maxInFlight must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.maxInFlight = maxInFlight;
        this.key = key;
        this.worker = worker;
    }

    public Mono<R> submit(T value) {
        return Mono.create(
                sink -> {
                    var request = new Request<T, R>(value, sink);
                    // a caller that gave up before its batch started is left out of it (one that
                    // gives up later is not:
                    // its work may already be committed, as with any request whose answer is lost
                    // on the way back)
                    sink.onCancel(() -> request.cancelled = true);
                    queue.add(request);
                    drain();
                });
    }

    /** How many requests wait for a batch (for tests and metrics). */
    public int waiting() {
        return queue.size();
    }

    private void drain() {
        while (!queue.isEmpty()) {
            int running = inFlight.get();
            if (running >= maxInFlight) {
                return; // the batch that finishes next drains again
            }
            if (!inFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            List<Request<T, R>> batch = take();
            if (batch.isEmpty()) {
                inFlight.decrementAndGet();
                continue;
            }
            Mono<Runnable> work;
            try {
                work = worker.work(batch);
            } catch (RuntimeException e) {
                work = Mono.error(e);
            }
            var answers = new AtomicReference<Runnable>();
            work.doOnNext(answers::set)
                    .onErrorResume(
                            e -> {
                                batch.forEach(r -> r.fail(e));
                                return Mono.empty();
                            })
                    .doFinally(
                            signal -> {
                                inFlight.decrementAndGet();
                                drain();
                                answer(batch, answers.get());
                            })
                    .subscribe();
        }
    }

    private static <T, R> void answer(List<Request<T, R>> batch, Runnable answers) {
        if (answers != null) {
            try {
                answers.run();
            } catch (RuntimeException e) {
                batch.forEach(r -> r.fail(e));
            }
        } else {
            batch.forEach(
                    r ->
                            r.fail(
                                    new IllegalStateException(
                                            "the batch ended without answering this request")));
        }
    }

    /**
     * Up to maxBatch waiting requests with distinct keys, oldest first; the others keep their
     * place.
     */
    private List<Request<T, R>> take() {
        List<Request<T, R>> batch = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        ArrayDeque<Request<T, R>> later = new ArrayDeque<>();
        Request<T, R> next;
        while (batch.size() < maxBatch && (next = queue.poll()) != null) {
            if (next.cancelled) {
                continue;
            }
            if (keys.add(key.apply(next.value))) {
                batch.add(next);
            } else {
                later.push(next);
            }
        }
        while (!later.isEmpty()) {
            queue.addFirst(later.pop());
        }
        return batch;
    }
}
