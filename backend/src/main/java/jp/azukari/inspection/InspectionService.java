package jp.azukari.inspection;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.core.ledger.ChainHead;
import jp.azukari.core.ledger.Digest;
import jp.azukari.core.ledger.Ed25519;
import jp.azukari.core.ledger.EventJson;
import jp.azukari.core.ledger.FlatJson;
import jp.azukari.ledger.DigestService;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.LedgerKeys;
import jp.azukari.ledger.LedgerVerifier;
import jp.azukari.platform.Access;
import jp.azukari.platform.problem.Problems;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The inspection bundle of one contract (art. 9) and its compliance report as PDF (art. 8). The
 * bundle is one ZIP, streamed: a signed digest of the contract's chains is taken first, then every
 * file is written as its rows come, the ledger's events up to the heads the digest covered; {@code
 * SHA256SUMS} lists every entry and is signed too.
 */
public class InspectionService {

    private final DatabaseClient db;
    private final DigestService digests;
    private final LedgerVerifier verifier;
    private final LedgerKeys keys;
    private final ComplianceReportPdf pdf;
    private final BundleFiles files;
    private final Clock clock;

    public InspectionService(
            DatabaseClient db,
            DigestService digests,
            LedgerVerifier verifier,
            LedgerKeys keys,
            ComplianceReportPdf pdf,
            Clock clock) {
        this.db = db;
        this.digests = digests;
        this.verifier = verifier;
        this.keys = keys;
        this.pdf = pdf;
        this.files = new BundleFiles(db);
        this.clock = clock;
    }

    /**
     * What the report and the bundle are checked against: a fresh digest of the contract and a full
     * verification.
     */
    public record Prepared(
            ComplianceReportPdf.Header contract,
            Digest digest,
            LedgerVerifier.Report verification,
            LedgerKeys.Keys keys,
            Instant at) {}

    public Mono<Prepared> prepare(Actor actor, UUID contractId) {
        return Access.require(actor, "inspect a contract", Role.AUDITOR, Role.MANAGER)
                .then(pdf.header(contractId))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Contract " + contractId)))
                .flatMap(
                        c ->
                                Mono.zip(digests.take(actor, contractId), keys.current())
                                        .flatMap(
                                                t ->
                                                        verifier.verify(contractId)
                                                                .map(
                                                                        v ->
                                                                                new Prepared(
                                                                                        c,
                                                                                        t.getT1(),
                                                                                        v,
                                                                                        t.getT2(),
                                                                                        clock
                                                                                                .instant()))));
    }

    public Mono<Path> report(Prepared p) {
        return pdf.render(p.contract(), p.digest(), p.verification(), p.at());
    }

    /**
     * The bundle's bytes, written as they are read; the report's temporary file is removed at the
     * end.
     */
    public Flux<DataBuffer> bundle(Prepared p, DataBufferFactory buffers) {
        ZipStream zip = new ZipStream(buffers);
        UUID id = p.contract().id();
        Map<UUID, Integer> covered = new HashMap<>();
        Flux<String> leaves =
                digests.heads(p.digest().id())
                        .map(
                                h -> {
                                    covered.put(h.assetId(), h.seq());
                                    return leafJson(h);
                                });
        Flux<String> events =
                db.sql(
                                """
                        SELECT e.* FROM asset a JOIN custody_event e ON e.asset_id = a.id
                         WHERE a.contract_id = :id ORDER BY e.asset_id, e.seq""")
                        .bind("id", id)
                        .filter(s -> s.fetchSize(2000))
                        .map(Ledger::read)
                        .all()
                        .filter(e -> e.seq() <= covered.getOrDefault(e.assetId(), 0))
                        .map(e -> EventJson.write(e.event()));
        return Flux.concat(
                zip.file("README.md", BundleReadme.text(p).getBytes(StandardCharsets.UTF_8)),
                zip.file("contract.json", files.contractJson(p)),
                zip.lines("parties.jsonl", files.parties(id)),
                zip.lines("assets.jsonl", files.assets(id)),
                zip.lines("transfers.jsonl", files.transfers(id)),
                zip.lines("transfer-lines.jsonl", files.transferLines(id)),
                zip.lines("approvals.jsonl", files.approvals(id)),
                zip.lines("incidents.jsonl", files.incidents(id)),
                zip.lines("take-outs.jsonl", files.takeOuts(id)),
                zip.lines("audits.jsonl", files.audits(id)),
                zip.lines("disposals.jsonl", files.disposals(id)),
                zip.lines("certifications.jsonl", files.certifications(id)),
                files.certificates(id).concatMap(c -> zip.file(c.path(), c.content())),
                zip.lines("ledger/digest-leaves.jsonl", leaves),
                zip.lines("ledger/events.jsonl", events),
                zip.file(
                        "ledger/digest.json",
                        (FlatJson.write(p.digest().fields()) + "\n")
                                .getBytes(StandardCharsets.UTF_8)),
                zip.file(
                        "ledger/public-key.pem",
                        Ed25519.toPem(p.keys().publicKey()).getBytes(StandardCharsets.US_ASCII)),
                Flux.usingWhen(
                        report(p),
                        file -> zip.copy("report.pdf", file),
                        file -> Mono.fromCallable(() -> Files.deleteIfExists(file))),
                Flux.defer(
                        () -> {
                            byte[] sums = zip.sums();
                            byte[] sig = Ed25519.sign(p.keys().privateKey(), sums);
                            return Flux.concat(
                                    zip.file("SHA256SUMS", sums),
                                    zip.file(
                                            "SHA256SUMS.sig",
                                            (java.util.Base64.getEncoder().encodeToString(sig)
                                                            + "\n")
                                                    .getBytes(StandardCharsets.US_ASCII)));
                        }),
                zip.finish());
    }

    static String leafJson(ChainHead h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asset_id", h.assetId().toString());
        m.put("seq", h.seq());
        m.put("hash", HexFormat.of().formatHex(h.hash()));
        return FlatJson.write(m);
    }
}
