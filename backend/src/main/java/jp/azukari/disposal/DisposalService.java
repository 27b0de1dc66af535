package jp.azukari.disposal;

import io.r2dbc.spi.Readable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.PriorApprovals;
import jp.azukari.custody.RecordedRefusals;
import jp.azukari.custody.domain.ApprovalKind;
import jp.azukari.custody.domain.AssetFacts;
import jp.azukari.custody.domain.ContractStatus;
import jp.azukari.custody.domain.CustodyState;
import jp.azukari.custody.domain.Decision;
import jp.azukari.files.CertificateRules;
import jp.azukari.files.Upload;
import jp.azukari.files.UploadedFiles;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.NewEvent;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.Scope;
import jp.azukari.platform.db.Binds;
import jp.azukari.platform.problem.Problems;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Certified disposal instead of return (art. 6 proviso). The rules decide in {@link DisposalRules};
 * a refusal is written to the asset's ledger. An allowed disposal stores the certificate with its
 * SHA-256, moves the asset to DISPOSED and appends a DISPOSED event whose note carries the hash, so
 * the certificate is bound into the chain.
 */
public class DisposalService {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Ledger ledger;
    private final RecordedRefusals refusals;
    private final PriorApprovals approvals;
    private final long maxCertificateBytes;
    private final Clock clock;
    private final AgencyTimeZone zone;

    public DisposalService(
            DatabaseClient db,
            TransactionalOperator tx,
            Ledger ledger,
            RecordedRefusals refusals,
            PriorApprovals approvals,
            long maxCertificateBytes,
            Clock clock,
            AgencyTimeZone zone) {
        this.db = db;
        this.tx = tx;
        this.ledger = ledger;
        this.refusals = refusals;
        this.approvals = approvals;
        this.maxCertificateBytes = maxCertificateBytes;
        this.clock = clock;
        this.zone = zone;
    }

    public long maxCertificateBytes() {
        return maxCertificateBytes;
    }

    public record Request(
            DisposalMethod method,
            LocalDate disposedOn,
            String witness,
            UUID approvalId,
            String note) {}

    /** The uploaded certificate, read only once the disposal itself is allowed. */
    public record Upload(String filename, String contentType, Flux<DataBuffer> content) {}

    private record AssetRow(AssetFacts facts, String tag, ContractStatus contractStatus) {}

    public Mono<DisposalView> dispose(Actor actor, UUID assetId, Request req, Upload upload) {
        LocalDate today = zone.today(clock);
        if (req.disposedOn().isAfter(today)) {
            return Mono.error(
                    Problems.invalidField(
                            "date", "must not be in the future (today is " + today + ")"));
        }
        return asset(actor, assetId, false)
                .flatMap(
                        a ->
                                approvals
                                        .candidates(
                                                a.facts().contractId(),
                                                ApprovalKind.DISPOSE_INSTEAD_OF_RETURN,
                                                req.approvalId())
                                        .flatMap(
                                                candidates -> {
                                                    var outcome =
                                                            DisposalRules.decide(
                                                                    actor,
                                                                    a.facts(),
                                                                    a.contractStatus(),
                                                                    candidates,
                                                                    today);
                                                    if (outcome instanceof Decision.Refused r) {
                                                        return refusals.<UUID>refuse(
                                                                actor,
                                                                new RecordedRefusals.Attempt(
                                                                        "DISPOSAL",
                                                                        a.facts().contractId(),
                                                                        req.approvalId(),
                                                                        null),
                                                                assetId,
                                                                a.tag(),
                                                                r.refusal());
                                                    }
                                                    UUID approvalId =
                                                            ((Decision.Granted) outcome)
                                                                    .approval()
                                                                    .id();
                                                    return certificate(upload)
                                                            .flatMap(
                                                                    bytes ->
                                                                            record(
                                                                                    actor,
                                                                                    assetId,
                                                                                    req,
                                                                                    approvalId,
                                                                                    upload,
                                                                                    bytes,
                                                                                    today));
                                                }))
                .flatMap(id -> find(actor, id));
    }

    private Mono<byte[]> certificate(Upload upload) {
        return UploadedFiles.read(
                upload.content(),
                upload.contentType(),
                maxCertificateBytes,
                "invalid-certificate",
                "Invalid disposal certificate");
    }

    /**
     * Writes the disposal after re-reading the asset under its lock, so a concurrent transfer
     * cannot slip between.
     */
    private Mono<UUID> record(
            Actor actor,
            UUID assetId,
            Request req,
            UUID approvalId,
            Upload upload,
            byte[] content,
            LocalDate today) {
        UUID id = UUID.randomUUID();
        byte[] sha = sha256(content);
        String hex = HexFormat.of().formatHex(sha);
        Instant now = clock.instant();
        Mono<UUID> work =
                asset(actor, assetId, true)
                        .flatMap(
                                a -> {
                                    if (a.facts().state() != CustodyState.WITH_CONTRACTOR
                                            || a.facts().inOpenTransfer()) {
                                        return Mono.error(
                                                Problems.conflict(
                                                        "asset-changed",
                                                        "The asset changed while the disposal was being recorded; try again"));
                                    }
                                    UUID contractId = a.facts().contractId();
                                    var insert =
                                            db.sql(
                                                            """
                            INSERT INTO disposal (id, asset_id, contract_id, approval_id, party_id, method, disposed_on, witness, note,
                                                  certificate_filename, certificate_content_type, certificate_size,
                                                  certificate_sha256, recorded_by, recorded_at)
                            VALUES (:id, :asset, :contract, :approval, :party, :method, :on, :witness, :note, :filename, :type,
                                    :size, :sha, :by, :at)""")
                                                    .bind("id", id)
                                                    .bind("asset", assetId)
                                                    .bind("contract", contractId)
                                                    .bind("approval", approvalId)
                                                    .bind("party", a.facts().holderPartyId())
                                                    .bind("method", req.method().name())
                                                    .bind("on", req.disposedOn())
                                                    .bind("witness", req.witness())
                                                    .bind("filename", upload.filename())
                                                    .bind(
                                                            "type",
                                                            CertificateRules.baseType(
                                                                    upload.contentType()))
                                                    .bind("size", content.length)
                                                    .bind("sha", sha)
                                                    .bind("by", actor.userId())
                                                    .bind(
                                                            "at",
                                                            OffsetDateTime.ofInstant(
                                                                    now, ZoneOffset.UTC));
                                    insert =
                                            Binds.nullable(
                                                    insert, "note", req.note(), String.class);
                                    NewEvent event =
                                            NewEvent.of(
                                                            assetId,
                                                            contractId,
                                                            EventType.DISPOSED,
                                                            actor.userId(),
                                                            now)
                                                    .parties(a.facts().holderPartyId(), null)
                                                    .approval(approvalId)
                                                    .note(
                                                            "method="
                                                                    + req.method()
                                                                    + "; on="
                                                                    + req.disposedOn()
                                                                    + "; witness="
                                                                    + req.witness()
                                                                    + "; certificate sha256="
                                                                    + hex
                                                                    + (req.note() == null
                                                                            ? ""
                                                                            : "; " + req.note()))
                                                    .build();
                                    return insert.then()
                                            .then(
                                                    db.sql(
                                                                    "INSERT INTO disposal_certificate (disposal_id, content) VALUES (:id, :content)")
                                                            .bind("id", id)
                                                            .bind("content", content)
                                                            .then())
                                            .then(ledger.append(event))
                                            .then(
                                                    db.sql(
                                                                    "UPDATE asset SET custody_state = 'DISPOSED', due_on = NULL WHERE id = :id")
                                                            .bind("id", assetId)
                                                            .then())
                                            .thenReturn(id);
                                });
        return tx.transactional(work);
    }

    private Mono<AssetRow> asset(Actor actor, UUID assetId, boolean lock) {
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

    // ---------------------------------------------------------------- reads

    private static final String SELECT =
            """
            SELECT d.*, a.tag FROM disposal d JOIN asset a ON a.id = d.asset_id""";

    public Mono<DisposalView> find(Actor actor, UUID id) {
        var spec = db.sql(SELECT + " WHERE d.id = :id" + Scope.asset(actor)).bind("id", id);
        spec = Scope.bind(spec, actor);
        return spec.map(r -> view(r, null))
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Disposal " + id)))
                .flatMap(v -> certificateBytes(id).map(bytes -> withVerification(v, bytes)));
    }

    public Flux<DisposalView> list(Actor actor, UUID contractId, int limit, int offset) {
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

    /** The stored certificate, for a caller allowed to see the disposal. */
    public record StoredCertificate(DisposalView disposal, byte[] content) {}

    public Mono<StoredCertificate> certificate(Actor actor, UUID id) {
        return find(actor, id).zipWith(certificateBytes(id), StoredCertificate::new);
    }

    private Mono<byte[]> certificateBytes(UUID disposalId) {
        return db.sql("SELECT content FROM disposal_certificate WHERE disposal_id = :id")
                .bind("id", disposalId)
                .map(r -> r.get("content", byte[].class))
                .one();
    }

    private static DisposalView withVerification(DisposalView v, byte[] content) {
        boolean verified =
                HexFormat.of().formatHex(sha256(content)).equals(v.certificate().sha256());
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

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
