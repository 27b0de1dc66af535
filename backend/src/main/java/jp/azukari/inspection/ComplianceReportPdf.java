package jp.azukari.inspection;

import io.r2dbc.spi.Readable;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import jp.azukari.core.ledger.Digest;
import jp.azukari.ledger.LedgerVerifier;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The compliance report as paper (art. 8): A4, Japanese, the label font embedded. The contract,
 * every asset with its state, holder and custody chain, approvals, disposals, incidents, audits,
 * and the ledger's verification with the fingerprint of the digest it was checked against. Rows
 * stream from the database into pages kept in a temporary file, so a contract of 100,000 assets
 * does not need the heap.
 */
public class ComplianceReportPdf {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final float[] EVENT_COLUMNS = {0.05f, 0.17f, 0.16f, 0.32f, 0.12f, 0.18f};

    private final DatabaseClient db;
    private final java.util.function.Supplier<ZoneId> zones;

    public ComplianceReportPdf(DatabaseClient db, java.util.function.Supplier<ZoneId> zones) {
        this.db = db;
        this.zones = zones;
    }

    public record Header(
            UUID id,
            String number,
            String title,
            String contractor,
            LocalDate startsOn,
            LocalDate endsOn,
            LocalDate returnDueOn,
            String status) {}

    public Mono<Header> header(UUID contractId) {
        return db.sql(
                        "SELECT c.*, p.name AS contractor FROM contract c JOIN party p ON p.id = c.contractor_party_id WHERE c.id = :id")
                .bind("id", contractId)
                .map(
                        r ->
                                new Header(
                                        r.get("id", UUID.class),
                                        r.get("number", String.class),
                                        r.get("title", String.class),
                                        r.get("contractor", String.class),
                                        r.get("starts_on", LocalDate.class),
                                        r.get("ends_on", LocalDate.class),
                                        r.get("return_due_on", LocalDate.class),
                                        r.get("status", String.class)))
                .one();
    }

    /** Renders into a temporary file the caller deletes. */
    public Mono<Path> render(
            Header c, Digest digest, LedgerVerifier.Report verification, Instant generatedAt) {
        return Mono.using(
                () ->
                        new PdfText(
                                "コンプライアンス報告書 " + c.number(),
                                "コンプライアンス報告書 / Compliance report "
                                        + c.number()
                                        + "  digest "
                                        + digest.fingerprint().substring(0, 16)),
                pdf -> {
                    Flux<Runnable> steps =
                            Flux.concat(
                                    Mono.just(
                                            () -> front(pdf, c, digest, verification, generatedAt)),
                                    Mono.just(
                                            () ->
                                                    pdf.heading(
                                                            "資産と保管の履歴 / Assets and their custody chains")),
                                    assets(pdf, c.id()),
                                    section(
                                            pdf,
                                            "承認 / Approvals",
                                            """
                                    SELECT concat_ws('  ', ap.kind, ap.status, '有効期限 ' || ap.valid_until, sub.name, ap.reason) AS line
                                      FROM approval ap LEFT JOIN party sub ON sub.id = ap.subcontractor_party_id
                                     WHERE ap.contract_id = :id ORDER BY ap.requested_at""",
                                            c.id()),
                                    section(
                                            pdf,
                                            "廃棄と証明書 / Disposals and certificates",
                                            """
                                    SELECT concat_ws('  ', a.tag, d.method, d.disposed_on, '立会 ' || d.witness, d.certificate_filename,
                                                     'SHA-256 ' || encode(d.certificate_sha256, 'hex')) AS line
                                      FROM disposal d JOIN asset a ON a.id = d.asset_id WHERE d.contract_id = :id ORDER BY d.recorded_at""",
                                            c.id()),
                                    section(
                                            pdf,
                                            "持ち出し / Take-outs",
                                            """
                                    SELECT concat_ws('  ', a.tag, t.destination, t.taken_out_at, coalesce('戻り ' || t.brought_back_at, '持ち出し中')) AS line
                                      FROM take_out t JOIN asset a ON a.id = t.asset_id WHERE t.contract_id = :id ORDER BY t.taken_out_at""",
                                            c.id()),
                                    section(
                                            pdf,
                                            "事故 / Incidents",
                                            """
                                    SELECT concat_ws('  ', i.kind, i.status, '発生 ' || i.occurred_at, '報告 ' || i.reported_at,
                                                     (SELECT string_agg(a.tag, ',' ORDER BY a.tag) FROM incident_asset ia JOIN asset a ON a.id = ia.asset_id
                                                       WHERE ia.incident_id = i.id), i.description) AS line
                                      FROM incident i WHERE i.contract_id = :id ORDER BY i.reported_at""",
                                            c.id()),
                                    section(
                                            pdf,
                                            "監査（棚卸し） / Audits",
                                            """
                                    SELECT concat_ws('  ', au.id, p.name, au.location, au.status, '開始 ' || au.opened_at,
                                                     '確認 FOUND ' || (SELECT count(*) FROM audit_result r WHERE r.audit_id = au.id AND r.outcome = 'FOUND'),
                                                     '不明 MISSING ' || (SELECT count(*) FROM audit_result r WHERE r.audit_id = au.id AND r.outcome = 'MISSING'),
                                                     '予定外 UNEXPECTED ' || (SELECT count(*) FROM audit_result r WHERE r.audit_id = au.id AND r.outcome = 'UNEXPECTED')) AS line
                                      FROM audit au JOIN party p ON p.id = au.party_id
                                     WHERE au.contract_id = :id
                                        OR EXISTS (SELECT 1 FROM audit_expected e JOIN asset a ON a.id = e.asset_id WHERE e.audit_id = au.id AND a.contract_id = :id)
                                     ORDER BY au.opened_at""",
                                            c.id()));
                    return steps.publishOn(Schedulers.boundedElastic(), 256)
                            .doOnNext(Runnable::run)
                            .then(Mono.fromCallable(() -> pdf.saveAs("azukari-report-")));
                },
                PdfText::close);
    }

    private void front(
            PdfText pdf, Header c, Digest digest, LedgerVerifier.Report v, Instant generatedAt) {
        pdf.heading("委託資産コンプライアンス報告書 / Compliance report");
        pdf.line("契約番号 / Contract: " + c.number());
        pdf.line("件名 / Title: " + c.title());
        pdf.line("受注者 / Contractor: " + c.contractor());
        pdf.line(
                "期間 / Term: "
                        + c.startsOn()
                        + " – "
                        + c.endsOn()
                        + "　返却期限 / Return due: "
                        + c.returnDueOn()
                        + "　状態 / Status: "
                        + c.status());
        pdf.line(
                "作成 / Generated: "
                        + TIME.format(generatedAt.atZone(zones.get()))
                        + " ("
                        + zones.get()
                        + ")");
        pdf.gap();
        pdf.subheading("台帳の検証 / Ledger verification");
        pdf.line(
                (v.verified() ? "検証済み VERIFIED" : "改ざんあり NOT VERIFIED")
                        + "　資産 / chains "
                        + v.assetsChecked()
                        + "　記録 / events "
                        + v.eventsChecked());
        if (v.firstBrokenLink() != null) {
            pdf.line(
                    "最初の破損 / First broken link: "
                            + v.firstBrokenLink().tag()
                            + " seq "
                            + v.firstBrokenLink().seq()
                            + " — "
                            + v.firstBrokenLink().reason());
        }
        pdf.line(
                "照合したダイジェスト / Checked against digest "
                        + digest.id()
                        + " ("
                        + digest.scope()
                        + ", "
                        + TIME.format(digest.takenAt().atZone(zones.get()))
                        + ")");
        pdf.line("ダイジェスト指紋 / Digest fingerprint (SHA-256): " + digest.fingerprint());
        pdf.line("Merkle root: " + HexFormat.of().formatHex(digest.root()));
        pdf.line("署名鍵 / Signing key (Ed25519, SHA-256): " + digest.keyFingerprint());
        pdf.small(
                "検証方法は docs/ledger.md と検査パッケージの README を参照 / How to verify: docs/ledger.md and the inspection bundle's README.");
        pdf.gap();
    }

    /** One block per asset (in tag order): its state and holder, then its chain. */
    private Flux<Runnable> assets(PdfText pdf, UUID contractId) {
        String[] current = {null};
        return db.sql(
                        """
                        SELECT a.tag, a.title, a.custody_state, hp.name AS holder, a.due_on, e.seq, e.type, e.occurred_at,
                               fp.name AS from_name, tp.name AS to_name, u.username, e.hash
                          FROM asset a JOIN party hp ON hp.id = a.holder_party_id
                          JOIN custody_event e ON e.asset_id = a.id
                          LEFT JOIN party fp ON fp.id = e.from_party_id
                          LEFT JOIN party tp ON tp.id = e.to_party_id
                          LEFT JOIN app_user u ON u.id = e.actor_user_id
                         WHERE a.contract_id = :id ORDER BY a.tag, e.seq""")
                .bind("id", contractId)
                .filter(s -> s.fetchSize(1000))
                .map(
                        r -> {
                            String tag = r.get("tag", String.class);
                            String title = r.get("title", String.class);
                            String state = r.get("custody_state", String.class);
                            String holder = r.get("holder", String.class);
                            LocalDate due = r.get("due_on", LocalDate.class);
                            String[] event = {
                                String.valueOf(r.get("seq", Integer.class)),
                                r.get("type", String.class),
                                time(r, "occurred_at"),
                                route(r),
                                r.get("username", String.class),
                                HexFormat.of()
                                        .formatHex(r.get("hash", byte[].class))
                                        .substring(0, 16)
                            };
                            return (Runnable)
                                    () ->
                                            assetRow(
                                                    pdf, current, tag, title, state, holder, due,
                                                    event);
                        })
                .all();
    }

    private void assetRow(
            PdfText pdf,
            String[] current,
            String tag,
            String title,
            String state,
            String holder,
            LocalDate due,
            String[] event) {
        if (!tag.equals(current[0])) {
            current[0] = tag;
            pdf.subheading(tag + "　" + title);
            pdf.line(
                    "状態 / State: "
                            + state
                            + "　保管者 / Holder: "
                            + holder
                            + (due == null ? "" : "　期限 / Due: " + due));
            pdf.row(
                    EVENT_COLUMNS,
                    "seq",
                    "種類 Type",
                    "日時 When",
                    "移動 From → To",
                    "実施者 Actor",
                    "hash");
        }
        pdf.row(EVENT_COLUMNS, event);
    }

    private String route(Readable r) {
        String from = r.get("from_name", String.class);
        String to = r.get("to_name", String.class);
        return from == null && to == null
                ? ""
                : (from == null ? "" : from) + " → " + (to == null ? "" : to);
    }

    private String time(Readable r, String column) {
        OffsetDateTime t = r.get(column, OffsetDateTime.class);
        return t == null ? "" : TIME.format(t.atZoneSameInstant(zones.get()));
    }

    private Flux<Runnable> section(PdfText pdf, String title, String sql, UUID contractId) {
        return Flux.concat(
                Mono.just((Runnable) () -> pdf.heading(title)),
                db.sql(sql)
                        .bind("id", contractId)
                        .map(r -> r.get("line", String.class))
                        .all()
                        .map(line -> (Runnable) () -> pdf.line("・" + line))
                        .switchIfEmpty(Mono.just(() -> pdf.line("なし / None"))));
    }
}
