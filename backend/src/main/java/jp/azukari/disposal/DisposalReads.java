package jp.azukari.disposal;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.domain.AssetFacts;
import jp.azukari.custody.domain.ContractStatus;
import jp.azukari.custody.domain.CustodyState;
import jp.azukari.platform.Scope;
import jp.azukari.platform.db.Binds;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Disposals as the caller may see them, each with its certificate's hash checked on reading one.
 */
final class DisposalReads {

    private final DatabaseClient db;

    DisposalReads(DatabaseClient db) {
        this.db = db;
    }

    record AssetRow(AssetFacts facts, String tag, ContractStatus contractStatus) {}

    /** The asset a disposal is about, as the caller may see it; under its row lock if asked. */
    Mono<AssetRow> asset(Actor actor, UUID assetId, boolean lock) {
        var spec =
                db.sql(
                                """
                        SELECT a.id, a.tag, a.contract_id, a.custody_state, a.holder_party_id, c.status AS contract_status,
                               EXISTS (SELECT 1 FROM transfer_line l WHERE l.asset_id = a.id AND l.status = 'PENDING') AS in_open
                          FROM asset a JOIN contract c ON c.id = a.contract_id
                         WHERE a.id = :id"""
                                        + Scope.asset(actor)
                                        + (lock ? " FOR UPDATE OF a" : ""))
                        .bind("id", assetId);
        spec = Scope.bind(spec, actor);
        return spec.map(
                        r ->
                                new AssetRow(
                                        new AssetFacts(
                                                r.get("id", UUID.class),
                                                r.get("contract_id", UUID.class),
                                                CustodyState.valueOf(
                                                        r.get("custody_state", String.class)),
                                                r.get("holder_party_id", UUID.class),
                                                Boolean.TRUE.equals(
                                                        r.get("in_open", Boolean.class))),
                                        r.get("tag", String.class),
                                        ContractStatus.valueOf(
                                                r.get("contract_status", String.class))))
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Asset " + assetId)));
    }

    private static final String SELECT =
            """
            SELECT d.*, a.tag FROM disposal d JOIN asset a ON a.id = d.asset_id""";

    Mono<DisposalView> find(Actor actor, UUID id) {
        var spec = db.sql(SELECT + " WHERE d.id = :id" + Scope.asset(actor)).bind("id", id);
        spec = Scope.bind(spec, actor);
        return spec.map(r -> view(r, null))
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Disposal " + id)))
                .flatMap(v -> certificateBytes(id).map(bytes -> withVerification(v, bytes)));
    }

    Flux<DisposalView> list(Actor actor, UUID contractId, int limit, int offset) {
        var spec =
                db.sql(
                                SELECT
                                        + " WHERE (CAST(:contract AS uuid) IS NULL OR d.contract_id = :contract)"
                                        + Scope.asset(actor)
                                        + " ORDER BY d.recorded_at DESC LIMIT :limit OFFSET :offset")
                        .bind("limit", limit)
                        .bind("offset", offset);
        spec = Binds.nullable(spec, "contract", contractId, UUID.class);
        spec = Scope.bind(spec, actor);
        return spec.map(r -> view(r, null)).all();
    }

    Mono<byte[]> certificateBytes(UUID disposalId) {
        return db.sql("SELECT content FROM disposal_certificate WHERE disposal_id = :id")
                .bind("id", disposalId)
                .map(r -> r.get("content", byte[].class))
                .one();
    }

    private static DisposalView withVerification(DisposalView v, byte[] content) {
        boolean verified =
                HexFormat.of()
                        .formatHex(DisposalService.sha256(content))
                        .equals(v.certificate().sha256());
        var c = v.certificate();
        return new DisposalView(
                v.id(),
                v.assetId(),
                v.tag(),
                v.contractId(),
                v.approvalId(),
                v.method(),
                v.disposedOn(),
                v.witness(),
                v.note(),
                new DisposalView.Certificate(
                        c.filename(), c.contentType(), c.size(), c.sha256(), verified),
                v.recordedBy(),
                v.recordedAt());
    }

    private static DisposalView view(Readable r, Boolean verified) {
        return new DisposalView(
                r.get("id", UUID.class),
                r.get("asset_id", UUID.class),
                r.get("tag", String.class),
                r.get("contract_id", UUID.class),
                r.get("approval_id", UUID.class),
                r.get("method", String.class),
                r.get("disposed_on", LocalDate.class),
                r.get("witness", String.class),
                r.get("note", String.class),
                new DisposalView.Certificate(
                        r.get("certificate_filename", String.class),
                        r.get("certificate_content_type", String.class),
                        r.get("certificate_size", Integer.class),
                        HexFormat.of().formatHex(r.get("certificate_sha256", byte[].class)),
                        verified),
                r.get("recorded_by", UUID.class),
                r.get("recorded_at", OffsetDateTime.class).toInstant());
    }
}
