package jp.azukari.custody.persistence;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.PartyKind;
import jp.azukari.custody.TransferSummary;
import jp.azukari.custody.TransferView;
import jp.azukari.custody.domain.ContractFacts;
import jp.azukari.custody.domain.ContractStatus;
import jp.azukari.custody.domain.CustodyState;
import jp.azukari.platform.Scope;
import jp.azukari.platform.db.Binds;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What custody reads without locking: transfers as clients see them, and the facts a new transfer
 * is decided on.
 */
public class TransferQueries {

    private final DatabaseClient db;

    public TransferQueries(DatabaseClient db) {
        this.db = db;
    }

    public Mono<TransferView> find(Actor actor, UUID id) {
        var spec =
                db.sql(
                                """
                        SELECT t.*, c.number AS contract_number, fp.name AS from_name, tp.name AS to_name,
                               l.line_no, l.asset_id, l.status AS line_status, l.confirmed_by, l.confirmed_at, l.device_id,
                               a.tag, a.title
                          FROM transfer t JOIN contract c ON c.id = t.contract_id
                          JOIN party fp ON fp.id = t.from_party_id JOIN party tp ON tp.id = t.to_party_id
                          LEFT JOIN transfer_line l ON l.transfer_id = t.id LEFT JOIN asset a ON a.id = l.asset_id
                         WHERE t.id = :id"""
                                        + Scope.transfer(actor)
                                        + " ORDER BY l.line_no")
                        .bind("id", id);
        spec = Scope.bind(spec, actor);
        return readViews(spec)
                .flatMap(
                        views ->
                                views.isEmpty()
                                        ? Mono.error(Problems.notFound("Transfer " + id))
                                        : Mono.just(views.values().iterator().next()));
    }

    public Flux<TransferSummary> list(
            Actor actor, UUID contractId, String status, String kind, int limit, int offset) {
        var spec =
                db.sql(
                                """
                        SELECT t.*, c.number AS contract_number, fp.name AS from_name, tp.name AS to_name,
                               (SELECT count(*) FROM transfer_line l WHERE l.transfer_id = t.id) AS line_count,
                               (SELECT count(*) FROM transfer_line l WHERE l.transfer_id = t.id AND l.status = 'PENDING') AS pending_count
                          FROM transfer t JOIN contract c ON c.id = t.contract_id
                          JOIN party fp ON fp.id = t.from_party_id JOIN party tp ON tp.id = t.to_party_id
                         WHERE (CAST(:contract AS uuid) IS NULL OR t.contract_id = :contract)
                           AND (CAST(:status AS text) IS NULL OR t.status = :status)
                           AND (CAST(:kind AS text) IS NULL OR t.kind = :kind)"""
                                        + Scope.transfer(actor)
                                        + " ORDER BY t.started_at DESC LIMIT :limit OFFSET :offset")
                        .bind("limit", limit)
                        .bind("offset", offset);
        spec = Binds.nullable(spec, "contract", contractId, UUID.class);
        spec = Binds.nullable(spec, "status", status, String.class);
        spec = Binds.nullable(spec, "kind", kind, String.class);
        spec = Scope.bind(spec, actor);
        return spec.map(
                        r ->
                                new TransferSummary(
                                        r.get("id", UUID.class),
                                        r.get("kind", String.class),
                                        r.get("status", String.class),
                                        r.get("contract_id", UUID.class),
                                        r.get("contract_number", String.class),
                                        r.get("from_party_id", UUID.class),
                                        r.get("from_name", String.class),
                                        r.get("to_party_id", UUID.class),
                                        r.get("to_name", String.class),
                                        r.get("started_at", OffsetDateTime.class).toInstant(),
                                        r.get("line_count", Long.class),
                                        r.get("pending_count", Long.class)))
                .all();
    }

    /** The assets, as the caller may see them, in id order; not found names those it may not. */
    public Mono<List<AssetRow>> assets(Actor actor, Set<UUID> ids) {
        var spec =
                db.sql(
                                """
                        SELECT a.id, a.tag, a.contract_id, a.custody_state, a.holder_party_id,
                               EXISTS (SELECT 1 FROM transfer_line l WHERE l.asset_id = a.id AND l.status = 'PENDING') AS in_open
                          FROM asset a WHERE a.id = ANY(:ids)"""
                                        + Scope.asset(actor)
                                        + " ORDER BY a.id")
                        .bind("ids", ids.toArray(UUID[]::new));
        spec = Scope.bind(spec, actor);
        return spec.map(
                        r ->
                                new AssetRow(
                                        r.get("id", UUID.class),
                                        r.get("tag", String.class),
                                        r.get("contract_id", UUID.class),
                                        CustodyState.valueOf(r.get("custody_state", String.class)),
                                        r.get("holder_party_id", UUID.class),
                                        Boolean.TRUE.equals(r.get("in_open", Boolean.class))))
                .all()
                .collectList()
                .flatMap(
                        found -> {
                            if (found.size() == ids.size()) {
                                return Mono.just(found);
                            }
                            var missing = new ArrayList<>(ids);
                            found.forEach(f -> missing.remove(f.id()));
                            return Mono.error(Problems.notFound("Assets " + missing));
                        });
    }

    public Mono<ContractFacts> contractFacts(UUID id) {
        return db.sql("SELECT * FROM contract WHERE id = :id")
                .bind("id", id)
                .map(
                        r ->
                                new ContractFacts(
                                        id,
                                        r.get("agency_party_id", UUID.class),
                                        r.get("contractor_party_id", UUID.class),
                                        ContractStatus.valueOf(r.get("status", String.class)),
                                        r.get("return_due_on", LocalDate.class),
                                        r.get("completed_on", LocalDate.class)))
                .one();
    }

    public Mono<Optional<PartyKind>> partyKind(UUID id) {
        return id == null
                ? Mono.just(Optional.empty())
                : db.sql("SELECT kind FROM party WHERE id = :id")
                        .bind("id", id)
                        .map(r -> Optional.of(PartyKind.valueOf(r.get("kind", String.class))))
                        .one()
                        .defaultIfEmpty(Optional.empty());
    }

    /** The assets of the transfer's lines still pending, in asset id order. */
    public Mono<List<UUID>> pendingAssets(UUID transferId) {
        return db.sql(
                        "SELECT asset_id FROM transfer_line WHERE transfer_id = :id AND status = 'PENDING' ORDER BY asset_id")
                .bind("id", transferId)
                .map(r -> r.get("asset_id", UUID.class))
                .all()
                .collectList();
    }

    /**
     * Transfers from rows of their headers joined with each of their lines, rows of one transfer
     * together.
     */
    static Mono<Map<UUID, TransferView>> readViews(GenericExecuteSpec spec) {
        return spec.map(
                        r -> {
                            TransferView header = view(r, List.of());
                            Integer lineNo = r.get("line_no", Integer.class);
                            OffsetDateTime at = r.get("confirmed_at", OffsetDateTime.class);
                            TransferView.Line line =
                                    lineNo == null
                                            ? null
                                            : new TransferView.Line(
                                                    lineNo,
                                                    r.get("asset_id", UUID.class),
                                                    r.get("tag", String.class),
                                                    r.get("title", String.class),
                                                    r.get("line_status", String.class),
                                                    r.get("confirmed_by", UUID.class),
                                                    at == null ? null : at.toInstant(),
                                                    r.get("device_id", String.class));
                            return Map.entry(header, Optional.ofNullable(line));
                        })
                .all()
                .collectList()
                .map(
                        rows -> {
                            Map<UUID, TransferView> headers = new LinkedHashMap<>();
                            Map<UUID, List<TransferView.Line>> lines = new HashMap<>();
                            for (var row : rows) {
                                UUID id = row.getKey().id();
                                headers.putIfAbsent(id, row.getKey());
                                List<TransferView.Line> these =
                                        lines.computeIfAbsent(id, k -> new ArrayList<>());
                                row.getValue().ifPresent(these::add);
                            }
                            Map<UUID, TransferView> views = new LinkedHashMap<>();
                            headers.forEach(
                                    (id, header) -> views.put(id, header.withLines(lines.get(id))));
                            return views;
                        });
    }

    private static TransferView view(Readable t, List<TransferView.Line> lines) {
        OffsetDateTime closed = t.get("closed_at", OffsetDateTime.class);
        int pending = (int) lines.stream().filter(l -> "PENDING".equals(l.status())).count();
        return new TransferView(
                t.get("id", UUID.class),
                t.get("kind", String.class),
                t.get("status", String.class),
                t.get("contract_id", UUID.class),
                t.get("contract_number", String.class),
                t.get("from_party_id", UUID.class),
                t.get("from_name", String.class),
                t.get("to_party_id", UUID.class),
                t.get("to_name", String.class),
                t.get("approval_id", UUID.class),
                t.get("started_by", UUID.class),
                t.get("started_at", OffsetDateTime.class).toInstant(),
                closed == null ? null : closed.toInstant(),
                pending,
                lines);
    }
}
