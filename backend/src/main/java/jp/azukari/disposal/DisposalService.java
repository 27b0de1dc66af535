package jp.azukari.disposal;

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
import jp.azukari.custody.domain.CustodyState;
import jp.azukari.custody.domain.Decision;
import jp.azukari.files.CertificateRules;
import jp.azukari.files.Upload;
import jp.azukari.files.UploadedFiles;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.NewEvent;
import jp.azukari.platform.AgencyTimeZone;
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
    private final DisposalReads reads;

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
        this.reads = new DisposalReads(db);
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

    public Mono<DisposalView> dispose(Actor actor, UUID assetId, Request req, Upload upload) {
        LocalDate today = zone.today(clock);
        if (req.disposedOn().isAfter(today)) {
            return Mono.error(
                    Problems.invalidField(
                            "date", "must not be in the future (today is " + today + ")"));
        }
        return reads.asset(actor, assetId, false)
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
                reads.asset(actor, assetId, true)
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

    // ---------------------------------------------------------------- reads (DisposalReads)

    public Mono<DisposalView> find(Actor actor, UUID id) {
        return reads.find(actor, id);
    }

    public Flux<DisposalView> list(Actor actor, UUID contractId, int limit, int offset) {
        return reads.list(actor, contractId, limit, offset);
    }

    /** The stored certificate, for a caller allowed to see the disposal. */
    public record StoredCertificate(DisposalView disposal, byte[] content) {}

    public Mono<StoredCertificate> certificate(Actor actor, UUID id) {
        return reads.find(actor, id).zipWith(reads.certificateBytes(id), StoredCertificate::new);
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
