package jp.azukari.platform.web;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Test-only endpoints that fail in each generic way, so {@link ProblemExceptionHandlerTests} can
 * prove the mapping through HTTP. Lives in src/test: it never ships. Outside /api, so no token is
 * needed.
 */
@RestController
@RequestMapping("/api/v1/test-only/problems")
class ProblemProbeController {

    enum Colour {
        RED,
        GREEN
    }

    record Probe(
            @NotBlank String name,
            @NotNull Colour colour,
            @NotNull @Min(1) Integer count,
            LocalDate on,
            @Size(max = 3) String code) {}

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    ProblemProbeController(DatabaseClient db, ReactiveTransactionManager tm) {
        this.db = db;
        this.tx = TransactionalOperator.create(tm);
    }

    @PostMapping("/body")
    Mono<Probe> body(@Valid @RequestBody Mono<Probe> probe) {
        return probe;
    }

    @GetMapping("/items/{id}")
    Map<String, Object> item(@PathVariable UUID id, @RequestParam(required = false) Integer page) {
        return Map.of("id", id);
    }

    /**
     * Inserts the same party name twice inside a transaction that rolls back: a real unique
     * violation, no rows left.
     */
    @PostMapping("/duplicate")
    Mono<Void> duplicate() {
        String name = "probe-dup-" + UUID.randomUUID();
        Mono<Void> insert =
                Mono.defer(
                        () ->
                                db.sql(
                                                "INSERT INTO party (id, name, kind) VALUES (:id, :name, 'AGENCY')")
                                        .bind("id", UUID.randomUUID())
                                        .bind("name", name)
                                        .then());
        return insert.then(insert).as(tx::transactional);
    }

    @PostMapping("/raw-integrity")
    Mono<Void> rawIntegrity() {
        return Mono.error(
                new R2dbcDataIntegrityViolationException(
                        "duplicate key value violates unique constraint \"secret_constraint\"",
                        "23505"));
    }

    @GetMapping("/bad-sql")
    Mono<Long> badSql() {
        return db.sql("SELECT count(*) AS n FROM no_such_table_for_probe")
                .map(r -> r.get("n", Long.class))
                .one();
    }

    @GetMapping("/boom")
    Mono<String> boom() {
        return Mono.error(
                new IllegalStateException("internal secret: password=hunter2 at com.example.Foo"));
    }
}
