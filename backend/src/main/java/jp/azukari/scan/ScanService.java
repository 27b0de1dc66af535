package jp.azukari.scan;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.audit.AuditScans;
import jp.azukari.common.Actor;
import jp.azukari.core.label.CounterInput;
import jp.azukari.custody.TransferService;
import jp.azukari.custody.domain.HandlingAcknowledgement;
import jp.azukari.evidence.LabelGuessing;
import jp.azukari.label.LabelService;
import jp.azukari.ledger.Ledger;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
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

    private final TransactionalOperator tx;
    private final LabelService labels;
    private final LabelGuessing guessing;
    private final AuditScans audits;
    private final ScanRetries retries;
    private final ScanClassifier classifier;
    private final ScanConfirmations confirmations;
    private final ScanRecords records;

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
        this.tx = tx;
        this.labels = labels;
        this.guessing = guessing;
        this.audits = audits;
        this.retries = new ScanRetries(db, json);
        this.classifier = new ScanClassifier(labels);
        this.confirmations = new ScanConfirmations(transfers, ledger, clock);
        this.records = new ScanRecords(db, json, clock);
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
        List<ScanWork> work = scans.stream().map(ScanWork::new).toList();
        return retries.lockAndAnswer(actor, work)
                .then(labels.codec())
                .flatMap(codec -> classifier.classify(actor, codec, work))
                .then(Mono.defer(() -> confirmations.confirm(actor, deviceId, work)))
                .then(Mono.defer(() -> audit(actor, deviceId, work)))
                .then(Mono.defer(() -> records.store(actor, deviceId, work)))
                .then(Mono.defer(() -> recordBadLabels(actor, deviceId, work)))
                .then(Mono.fromSupplier(() -> answers(work)));
    }

    /** Bad labels count towards the caller's guessing limit (evidence). */
    private Mono<Void> recordBadLabels(Actor actor, String deviceId, List<ScanWork> work) {
        return guessing.record(
                actor,
                "/api/v1/scans",
                deviceId,
                work.stream()
                        .filter(
                                w ->
                                        !w.duplicate
                                                && w.result != null
                                                && LabelGuessing.isBad(w.result.result()))
                        .map(w -> new LabelGuessing.Bad(w.result.result(), w.scan.payload()))
                        .toList());
    }

    /** The answers in the batch's order; a scan id sent twice is answered like its first. */
    private static List<ScanResult> answers(List<ScanWork> work) {
        Map<UUID, ScanResult> first = new HashMap<>();
        work.forEach(w -> first.putIfAbsent(w.scan.scanId(), w.result));
        return work.stream().map(w -> w.duplicate ? first.get(w.scan.scanId()) : w.result).toList();
    }

    /** AUDIT scans of genuine labels, answered by the audit (docs/compliance.md, art. 9). */
    private Mono<Void> audit(Actor actor, String deviceId, List<ScanWork> work) {
        List<ScanWork> scans =
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
                                                    w.answer(
                                                            a.result(),
                                                            a.code(),
                                                            null,
                                                            a.message());
                                            w.store = a.kept();
                                        }))
                .then();
    }
}
