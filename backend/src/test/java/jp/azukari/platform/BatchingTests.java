package jp.azukari.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class BatchingTests {

    /** A worker that records each batch and finishes it only when the test says so. */
    static final class HeldWorker implements Batching.Worker<String, String> {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final List<Sinks.Empty<Void>> finishes = new CopyOnWriteArrayList<>();

        @Override
        public Mono<Runnable> work(List<Batching.Request<String, String>> batch) {
            batches.add(batch.stream().map(Batching.Request::value).toList());
            Sinks.Empty<Void> done = Sinks.empty();
            finishes.add(done);
            batch.forEach(r -> r.answer("done " + r.value()));
            return done.asMono().then(Mono.empty());
        }

        void finish(int batch) {
            finishes.get(batch).tryEmitEmpty();
        }
    }

    @Test
    void a_lone_request_starts_at_once_and_what_queues_meanwhile_goes_in_the_next_batch() {
        var worker = new HeldWorker();
        var batching = new Batching<String, String>(10, 1, v -> v, worker);
        List<String> answers = new CopyOnWriteArrayList<>();
        batching.submit("a").subscribe(answers::add);
        assertThat(worker.batches).containsExactly(List.of("a"));
        for (String v : List.of("b", "c", "d")) {
            batching.submit(v).subscribe(answers::add);
        }
        assertThat(worker.batches).hasSize(1);
        assertThat(batching.waiting()).isEqualTo(3);
        worker.finish(0);
        assertThat(worker.batches).containsExactly(List.of("a"), List.of("b", "c", "d"));
        assertThat(answers).containsExactly("done a", "done b", "done c", "done d");
    }

    @Test
    void requests_with_one_key_never_share_a_batch_and_keep_their_order() {
        var worker = new HeldWorker();
        var batching = new Batching<String, String>(10, 1, v -> v.substring(0, 1), worker);
        batching.submit("x0").subscribe();
        for (String v : List.of("a1", "b1", "a2", "c1", "a3")) {
            batching.submit(v).subscribe();
        }
        worker.finish(0);
        worker.finish(1);
        worker.finish(2);
        assertThat(worker.batches)
                .containsExactly(
                        List.of("x0"), List.of("a1", "b1", "c1"), List.of("a2"), List.of("a3"));
    }

    @Test
    void batches_are_no_larger_than_the_limit_and_no_more_run_at_once_than_allowed() {
        var worker = new HeldWorker();
        var batching = new Batching<String, String>(2, 2, v -> v, worker);
        for (int i = 0; i < 7; i++) {
            batching.submit("r" + i).subscribe();
        }
        assertThat(worker.batches).containsExactly(List.of("r0"), List.of("r1"));
        worker.finish(1);
        assertThat(worker.batches).hasSize(3).last().isEqualTo(List.of("r2", "r3"));
        worker.finish(0);
        worker.finish(2);
        worker.finish(3);
        assertThat(worker.batches)
                .containsExactly(
                        List.of("r0"),
                        List.of("r1"),
                        List.of("r2", "r3"),
                        List.of("r4", "r5"),
                        List.of("r6"));
    }

    @Test
    void a_request_its_worker_leaves_unanswered_fails_instead_of_waiting_forever() {
        var batching = new Batching<String, String>(10, 1, v -> v, batch -> Mono.empty());
        assertThatThrownBy(() -> batching.submit("a").block(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without answering");
    }

    @Test
    void a_worker_that_fails_fails_every_request_of_its_batch_and_the_next_batch_still_runs() {
        List<List<String>> seen = new ArrayList<>();
        var batching =
                new Batching<String, String>(
                        10,
                        1,
                        v -> v,
                        batch -> {
                            seen.add(batch.stream().map(Batching.Request::value).toList());
                            if (batch.get(0).value().equals("bad")) {
                                throw new IllegalArgumentException("broken");
                            }
                            batch.forEach(r -> r.answer("ok"));
                            return Mono.<Runnable>empty();
                        });
        assertThatThrownBy(() -> batching.submit("bad").block()).hasMessage("broken");
        assertThat(batching.submit("good").block()).isEqualTo("ok");
        assertThat(seen).containsExactly(List.of("bad"), List.of("good"));
    }

    @Test
    void answers_go_out_after_the_next_batch_has_started() {
        List<String> order = new CopyOnWriteArrayList<>();
        Sinks.Empty<Void> firstDone = Sinks.empty();
        var batching =
                new Batching<String, String>(
                        10,
                        1,
                        v -> v,
                        batch -> {
                            order.add("start " + batch.get(0).value());
                            Runnable answers =
                                    () ->
                                            batch.forEach(
                                                    r -> {
                                                        order.add("answer " + r.value());
                                                        r.answer(r.value());
                                                    });
                            return batch.get(0).value().equals("a")
                                    ? firstDone.asMono().thenReturn(answers)
                                    : Mono.just(answers);
                        });
        List<String> answered = new CopyOnWriteArrayList<>();
        batching.submit("a").subscribe(answered::add);
        batching.submit("b").subscribe(answered::add);
        firstDone.tryEmitEmpty();
        assertThat(order).containsExactly("start a", "start b", "answer b", "answer a");
        assertThat(answered).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void a_caller_that_gave_up_before_its_batch_started_is_left_out() {
        var worker = new HeldWorker();
        var batching = new Batching<String, String>(10, 1, v -> v, worker);
        batching.submit("first").subscribe();
        Disposable gone = batching.submit("gone").subscribe();
        batching.submit("kept").subscribe();
        gone.dispose();
        worker.finish(0);
        assertThat(worker.batches).containsExactly(List.of("first"), List.of("kept"));
    }
}
