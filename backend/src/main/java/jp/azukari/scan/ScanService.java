package jp.azukari.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.audit.AuditScans;
import jp.azukari.common.Actor;
import jp.azukari.core.label.CounterInput;
import jp.azukari.core.scan.ScanResultCode;
import jp.azukari.custody.TransferService;
import jp.azukari.custody.TransferService.ConfirmContext;
import jp.azukari.custody.TransferService.LineOutcome;
import jp.azukari.custody.domain.HandlingAcknowledgement;
import jp.azukari.evidence.LabelGuessing;
import jp.azukari.label.LabelPayloadCodec;
import jp.azukari.label.LabelService;
import jp.azukari.label.LabelService.LabelledAsset;
import jp.azukari.label.LabelVerification;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.NewEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch of scans from one device, in one transaction: every scan id is locked first, so a retried
 * or concurrent copy of the batch waits and is then answered from what the first one stored; each
 * scan gets its own answer and one bad scan spoils nothing. Confirmations of one transfer are
 * written together.
 */
public class ScanService {

    public static final int MAX_BATCH = 500;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final LabelService labels;
    private final TransferService transfers;
    private final Ledger ledger;
    private final JsonMapper json;
    private final Clock clock;
    private final LabelGuessing guessing;
    private final AuditScans audits;

    public ScanService(
            DatabaseClient db,
            TransactionalOperator tx,
            LabelService labels,
            TransferService transfers,
            Ledger ledger,
            JsonMapper json,
            Clock clock,
            LabelGuessing guessing,
            AuditScans audits) {
        this.audits = audits;
        this.db = db;
        this.tx = tx;
        this.labels = labels;
        this.transfers = transfers;
        this.ledger = ledger;
        this.json = json;
        this.clock = clock;
        this.guessing = guessing;
    }

    public enum Purpose {
        CONFIRM,
        LOOKUP,
        AUDIT
    }

    public record Scan(
            UUID scanId,
            String payload,
            Instant scannedAt,
            Purpose purpose,
            UUID transferId,
            String location,
            UUID auditId,
            HandlingAcknowledgement handling) {

        public Scan {
            handling = handling == null ? HandlingAcknowledgement.NONE : handling;
        }

        public Scan(
                UUID scanId,
                String payload,
                Instant scannedAt,
                Purpose purpose,
                UUID transferId,
                String location,
                UUID auditId) {
            this(
                    scanId,
                    payload,
                    scannedAt,
                    purpose,
                    transferId,
                    location,
                    auditId,
                    HandlingAcknowledgement.NONE);
        }

        public Scan(
                UUID scanId,
                String payload,
                Instant scannedAt,
                Purpose purpose,
                UUID transferId,
                String location) {
            this(
                    scanId,
                    payload,
                    scannedAt,
                    purpose,
                    transferId,
                    location,
                    null,
                    HandlingAcknowledgement.NONE);
        }

        /**
         * The payload as the grammar reads it ({@link CounterInput}), canonical {@code AZ1:…} when
         * it is a label.
         */
        Scan canonical() {
            return new Scan(
                    scanId,
                    CounterInput.canonicalPayload(payload),
                    scannedAt,
                    purpose,
                    transferId,
                    location,
                    auditId,
                    handling);
        }
    }

    private record Stored(byte[] payloadHash, UUID userId, String answer) {}

    /**
     * A scan being answered, and whether its answer is kept (bad labels are answered but leave no
     * trace).
     */
    private static final class Work {
        final Scan scan;
        final byte[] hash;
        ScanResult result;
        LabelledAsset asset;
        boolean store;

        /** the same scan id and payload earlier in this batch: answered like it */
        boolean duplicate;

        Work(Scan scan) {
            this.scan = scan;
            this.hash = sha256(scan.payload());
        }
    }

    public Mono<List<ScanResult>> process(Actor actor, String deviceId, List<Scan> scans) {
        List<Scan> canonical = scans.stream().map(Scan::canonical).toList();
        return guessing.admit(actor)
                .then(
                        tx.transactional(
                                Mono.defer(
                                        () -> processInTransaction(actor, deviceId, canonical))));
    }

    private Mono<List<ScanResult>> processInTransaction(
            Actor actor, String deviceId, List<Scan> scans) {
        List<Work> work = scans.stream().map(Work::new).toList();
        UUID[] ids = scans.stream().map(Scan::scanId).distinct().toArray(UUID[]::new);
        long[] locks =
                Arrays.stream(ids)
                        .mapToLong(id -> id.getMostSignificantBits() ^ id.getLeastSignificantBits())
                        .sorted()
                        .distinct()
                        .toArray();
        return db.sql(
                        "SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT unnest(CAST(:keys AS bigint[])) AS k ORDER BY 1) AS keys")
                .bind("keys", Arrays.stream(locks).boxed().toArray(Long[]::new))
                .then()
                .then(
                        db.sql(
                                        "SELECT scan_id, payload_sha256, user_id, answer::text AS answer FROM scan WHERE scan_id = ANY(:ids)")
                                .bind("ids", ids)
                                .map(
                                        r ->
                                                Map.entry(
                                                        r.get("scan_id", UUID.class),
                                                        new Stored(
                                                                r.get(
                                                                        "payload_sha256",
                                                                        byte[].class),
                                                                r.get("user_id", UUID.class),
                                                                r.get("answer", String.class))))
                                .all()
                                .collectMap(Map.Entry::getKey, Map.Entry::getValue))
                .flatMap(
                        stored ->
                                answerRetries(actor, work, stored)
                                        .then(labels.codec())
                                        .flatMap(codec -> classify(actor, codec, work))
                                        .then(Mono.defer(() -> confirm(actor, deviceId, work)))
                                        .then(Mono.defer(() -> audit(actor, deviceId, work)))
                                        .then(Mono.defer(() -> store(actor, deviceId, work)))
                                        .then(
                                                Mono.defer(
                                                        () ->
                                                                guessing.record(
                                                                        actor,
                                                                        "/api/v1/scans",
                                                                        deviceId,
                                                                        work.stream()
                                                                                .filter(
                                                                                        w ->
                                                                                                !w.duplicate
                                                                                                        && w.result
                                                                                                                != null
                                                                                                        && LabelGuessing
                                                                                                                .isBad(
                                                                                                                        w
                                                                                                                                .result
                                                                                                                                .result()))
                                                                                .map(
                                                                                        w ->
                                                                                                new LabelGuessing
                                                                                                        .Bad(
                                                                                                        w
                                                                                                                .result
                                                                                                                .result(),
                                                                                                        w
                                                                                                                .scan
                                                                                                                .payload()))
                                                                                .toList()))))
                .then(
                        Mono.fromSupplier(
                                () -> {
                                    // a scan id sent twice in one batch is answered like its first
                                    // occurrence
                                    Map<UUID, ScanResult> first = new HashMap<>();
                                    work.forEach(w -> first.putIfAbsent(w.scan.scanId(), w.result));
                                    return work.stream()
                                            .map(
                                                    w ->
                                                            w.duplicate
                                                                    ? first.get(w.scan.scanId())
                                                                    : w.result)
                                            .toList();
                                }));
    }

    /** Scan ids seen before: the stored answer for the same payload, a conflict for another one. */
    private Mono<Void> answerRetries(Actor actor, List<Work> work, Map<UUID, Stored> stored) {
        Map<UUID, Work> firstInBatch = new HashMap<>();
        for (Work w : work) {
            Stored s = stored.get(w.scan.scanId());
            Work earlier = firstInBatch.putIfAbsent(w.scan.scanId(), w);
            if (s != null) {
                w.result =
                        MessageDigest.isEqual(s.payloadHash(), w.hash)
                                        && s.userId().equals(actor.userId())
                                ? json.readValue(s.answer(), ScanResult.class)
                                : ScanResult.of(
                                        w.scan.scanId(),
                                        ScanResultCode.CONFLICT,
                                        "This scan id was already used for another label or user");
            } else if (earlier != null && earlier != w) {
                if (MessageDigest.isEqual(earlier.hash, w.hash)) {
                    w.duplicate = true;
                } else {
                    w.result =
                            ScanResult.of(
                                    w.scan.scanId(),
                                    ScanResultCode.CONFLICT,
                                    "This scan id appears twice in the batch with different labels");
                }
            }
        }
        return Mono.empty();
    }

    private Mono<Void> classify(Actor actor, LabelPayloadCodec codec, List<Work> work) {
        Map<String, List<Work>> byTag = new LinkedHashMap<>();
        for (Work w : work) {
            if (w.result != null || w.duplicate) {
                continue;
            }
            LabelVerification v = codec.verify(w.scan.payload() == null ? "" : w.scan.payload());
            if (v instanceof LabelVerification.Malformed m) {
                w.result =
                        ScanResult.of(
                                w.scan.scanId(),
                                ScanResultCode.LABEL_MALFORMED,
                                "Not an Azukari label: " + m.reason());
            } else if (v instanceof LabelVerification.Foreign) {
                w.result =
                        ScanResult.of(
                                w.scan.scanId(),
                                ScanResultCode.LABEL_FOREIGN,
                                "A label of another installation, or under a retired key");
            } else if (v instanceof LabelVerification.Forged) {
                w.result =
                        ScanResult.of(
                                w.scan.scanId(),
                                ScanResultCode.LABEL_FORGED,
                                "The label's code does not match its tag");
            } else {
                byTag.computeIfAbsent(((LabelVerification.Genuine) v).tag(), t -> new ArrayList<>())
                        .add(w);
            }
        }
        if (byTag.isEmpty()) {
            return Mono.empty();
        }
        return labels.byTags(actor, new ArrayList<>(byTag.keySet()))
                .collectMap(LabelledAsset::tag)
                .doOnNext(
                        found ->
                                byTag.forEach(
                                        (tag, ws) ->
                                                ws.forEach(
                                                        w -> {
                                                            LabelledAsset a = found.get(tag);
                                                            if (a == null) {
                                                                w.result =
                                                                        ScanResult.of(
                                                                                w.scan.scanId(),
                                                                                ScanResultCode
                                                                                        .LABEL_UNKNOWN,
                                                                                "No asset you may see carries this label");
                                                            } else if (w.scan.purpose()
                                                                    == Purpose.LOOKUP) {
                                                                w.asset = a;
                                                                w.store = true;
                                                                w.result =
                                                                        answer(
                                                                                w,
                                                                                ScanResultCode
                                                                                        .FOUND,
                                                                                null,
                                                                                null,
                                                                                a.title()
                                                                                        + " — "
                                                                                        + a
                                                                                                .custodyState()
                                                                                        + ", "
                                                                                        + a
                                                                                                .holderPartyName());
                                                            } else if (w.scan.purpose()
                                                                    == Purpose.AUDIT) {
                                                                w.asset = a;
                                                            } else if (w.scan.transferId()
                                                                    == null) {
                                                                w.result =
                                                                        ScanResult.of(
                                                                                w.scan.scanId(),
                                                                                ScanResultCode
                                                                                        .INVALID,
                                                                                "A CONFIRM scan names its transferId");
                                                            } else {
                                                                w.asset = a;
                                                            }
                                                        })))
                .then();
    }

    private Mono<Void> confirm(Actor actor, String deviceId, List<Work> work) {
        Map<UUID, List<Work>> byTransfer = new LinkedHashMap<>();
        for (Work w : work) {
            if (w.result == null && w.asset != null && w.scan.purpose() == Purpose.CONFIRM) {
                byTransfer.computeIfAbsent(w.scan.transferId(), t -> new ArrayList<>()).add(w);
            }
        }
        return Flux.fromIterable(byTransfer.entrySet())
                .concatMap(e -> confirmTransfer(actor, deviceId, e.getKey(), e.getValue()))
                .then();
    }

    private Mono<Void> confirmTransfer(
            Actor actor, String deviceId, UUID transferId, List<Work> scans) {
        Map<UUID, Work> firstByAsset = new LinkedHashMap<>();
        Map<UUID, String> payloads = new HashMap<>();
        for (Work w : scans) {
            if (firstByAsset.putIfAbsent(w.asset.id(), w) == null) {
                payloads.put(w.asset.id(), w.scan.payload());
            }
        }
        String location = scans.get(0).scan.location();
        // art. 2.2: the transfer's acknowledgement, given once with any of its scans (a digest over
        // a plain yes)
        HandlingAcknowledgement handling =
                scans.stream()
                        .map(w -> w.scan.handling())
                        .reduce(
                                HandlingAcknowledgement.NONE,
                                (a, b) ->
                                        b.digest() != null
                                                        || (b.acknowledged() && a.digest() == null)
                                                ? b
                                                : a);
        var ctx = new ConfirmContext(deviceId, location, payloads, handling);
        return transfers
                .confirmEach(actor, transferId, new ArrayList<>(firstByAsset.keySet()), ctx)
                .flatMap(
                        outcomes -> {
                            Map<UUID, LineOutcome> byAsset = new HashMap<>();
                            outcomes.forEach(o -> byAsset.put(o.assetId(), o));
                            List<NewEvent> unexpected = new ArrayList<>();
                            for (Work w : scans) {
                                LineOutcome o = byAsset.get(w.asset.id());
                                w.store = true;
                                if (firstByAsset.get(w.asset.id()) != w) {
                                    w.result =
                                            answer(
                                                    w,
                                                    ScanResultCode.ALREADY_CONFIRMED,
                                                    null,
                                                    null,
                                                    "Scanned twice in this batch");
                                } else if (o.confirmed()) {
                                    w.result =
                                            answer(
                                                    w,
                                                    ScanResultCode.CONFIRMED,
                                                    null,
                                                    null,
                                                    "Custody taken");
                                } else {
                                    String code = o.refusal().code();
                                    switch (code) {
                                        case "ALREADY_CONFIRMED" ->
                                                w.result =
                                                        answer(
                                                                w,
                                                                ScanResultCode.ALREADY_CONFIRMED,
                                                                code,
                                                                null,
                                                                "Already confirmed");
                                        case "NOT_ON_TRANSFER" -> {
                                            w.result =
                                                    answer(
                                                            w,
                                                            ScanResultCode.NOT_ON_TRANSFER,
                                                            code,
                                                            null,
                                                            "This asset is not on this transfer");
                                            unexpected.add(
                                                    NewEvent.of(
                                                                    w.asset.id(),
                                                                    w.asset.contractId(),
                                                                    EventType.SCANNED_UNEXPECTED,
                                                                    actor.userId(),
                                                                    clock.instant())
                                                            .transfer(transferId)
                                                            .device(deviceId, w.scan.location())
                                                            .scanned(w.scan.payload())
                                                            .note(
                                                                    "scanned while confirming a transfer it is not on")
                                                            .build());
                                        }
                                        case "ROLE_NOT_PERMITTED", "NOT_RECIPIENT" ->
                                                w.result =
                                                        answer(
                                                                w,
                                                                ScanResultCode.NOT_ALLOWED,
                                                                code,
                                                                o.refusal().article(),
                                                                o.refusal().detail());
                                        default ->
                                                w.result =
                                                        answer(
                                                                w,
                                                                ScanResultCode.REFUSED,
                                                                code,
                                                                o.refusal().article(),
                                                                o.refusal().detail());
                                    }
                                }
                            }
                            return ledger.appendAll(unexpected).then();
                        })
                .onErrorResume(
                        jp.azukari.platform.problem.ProblemException.class,
                        e -> {
                            // the transfer does not exist for this caller: nothing happened,
                            // nothing is kept
                            scans.forEach(
                                    w ->
                                            w.result =
                                                    ScanResult.of(
                                                            w.scan.scanId(),
                                                            ScanResultCode.NOT_ALLOWED,
                                                            "No such transfer for you"));
                            return Mono.empty();
                        });
    }

    /** AUDIT scans of genuine labels, answered by the audit (docs/compliance.md, art. 9). */
    private Mono<Void> audit(Actor actor, String deviceId, List<Work> work) {
        List<Work> scans =
                work.stream()
                        .filter(
                                w ->
                                        w.result == null
                                                && w.asset != null
                                                && w.scan.purpose() == Purpose.AUDIT)
                        .toList();
        return audits.record(
                        actor,
                        deviceId,
                        scans.stream()
                                .map(
                                        w ->
                                                new AuditScans.Scan(
                                                        w.scan.scanId(),
                                                        w.scan.auditId(),
                                                        w.asset.id(),
                                                        w.asset.holderPartyId(),
                                                        w.asset.holderPartyName(),
                                                        w.asset.custodyState(),
                                                        w.scan.location(),
                                                        w.scan.scannedAt()))
                                .toList())
                .doOnNext(
                        answers ->
                                scans.forEach(
                                        w -> {
                                            AuditScans.Answer a = answers.get(w.scan.scanId());
                                            w.result =
                                                    answer(
                                                            w,
                                                            a.result(),
                                                            a.code(),
                                                            null,
                                                            a.message());
                                            w.store = a.kept();
                                        }))
                .then();
    }

    private ScanResult answer(
            Work w, ScanResultCode result, String code, String article, String message) {
        LabelledAsset a = w.asset;
        return new ScanResult(
                w.scan.scanId(),
                result,
                a.id(),
                a.tag(),
                a.title(),
                a.holderPartyName(),
                a.custodyState(),
                code,
                article,
                message);
    }

    private Mono<Void> store(Actor actor, String deviceId, List<Work> work) {
        List<Work> kept = work.stream().filter(w -> w.store).toList();
        if (kept.isEmpty()) {
            return Mono.empty();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        java.util.HexFormat hex = java.util.HexFormat.of();
        return db.sql(
                        """
                        INSERT INTO scan (scan_id, payload_sha256, user_id, device_id, purpose, transfer_id, asset_id, scanned_at,
                                          received_at, result, answer)
                        SELECT u.scan_id, decode(u.hash, 'hex'), :user, :device, u.purpose, u.transfer_id, u.asset_id,
                               u.scanned_at, :now, u.result, CAST(u.answer AS jsonb)
                          FROM unnest(CAST(:ids AS uuid[]), CAST(:hashes AS text[]), CAST(:purposes AS text[]),
                                      CAST(:transfers AS uuid[]), CAST(:assets AS uuid[]), CAST(:scanned AS timestamptz[]),
                                      CAST(:results AS text[]), CAST(:answers AS text[]))
                               AS u(scan_id, hash, purpose, transfer_id, asset_id, scanned_at, result, answer)""")
                .bind("user", actor.userId())
                .bind("device", deviceId)
                .bind("now", now)
                .bind("ids", kept.stream().map(w -> w.scan.scanId()).toArray(UUID[]::new))
                .bind(
                        "hashes",
                        kept.stream().map(w -> hex.formatHex(w.hash)).toArray(String[]::new))
                .bind(
                        "purposes",
                        kept.stream().map(w -> w.scan.purpose().name()).toArray(String[]::new))
                .bind("transfers", kept.stream().map(w -> w.scan.transferId()).toArray(UUID[]::new))
                .bind("assets", kept.stream().map(w -> w.asset.id()).toArray(UUID[]::new))
                .bind(
                        "scanned",
                        kept.stream()
                                .map(w -> w.scan.scannedAt().toString())
                                .toArray(String[]::new))
                .bind(
                        "results",
                        kept.stream().map(w -> w.result.result().name()).toArray(String[]::new))
                .bind(
                        "answers",
                        kept.stream()
                                .map(w -> json.writeValueAsString(w.result))
                                .toArray(String[]::new))
                .then();
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
