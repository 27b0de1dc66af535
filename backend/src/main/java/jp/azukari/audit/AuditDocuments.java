package jp.azukari.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import jp.azukari.inspection.PdfText;
import jp.azukari.report.Csv;

/**
 * An audit's result on paper: CSV for Excel (UTF-8 with BOM) and an A4 PDF in Japanese. Both list
 * the same rows.
 */
public final class AuditDocuments {

    static final List<String> CSV_HEADER =
            List.of(
                    "audit_id",
                    "party",
                    "location",
                    "status",
                    "tag",
                    "title",
                    "contract_number",
                    "outcome",
                    "ledger_holder",
                    "custody_state",
                    "scans",
                    "first_seen_at",
                    "event_seq",
                    "incident_id");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private AuditDocuments() {}

    public static byte[] csv(AuditView a) {
        StringBuilder out = new StringBuilder();
        Csv.line(out, CSV_HEADER);
        for (AuditView.Item i : a.items()) {
            Csv.line(
                    out,
                    Arrays.asList(
                            Csv.plain(a.id()),
                            a.partyName(),
                            a.location(),
                            a.status(),
                            i.tag(),
                            i.title(),
                            i.contractNumber(),
                            i.outcome(),
                            i.holderName(),
                            i.custodyState(),
                            Csv.plain(i.scans()),
                            Csv.plain(i.firstSeenAt()),
                            Csv.plain(i.eventSeq()),
                            Csv.plain(i.incidentId())));
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(BOM, BOM.length + text.length);
        System.arraycopy(text, 0, all, BOM.length, text.length);
        return all;
    }

    public static byte[] pdf(AuditView a, ZoneId zone) {
        try (var pdf = new PdfText("監査結果 " + a.id(), "監査結果 / Audit result " + a.id())) {
            pdf.heading("監査（棚卸し）結果 / Audit result");
            pdf.line("監査 ID: " + a.id());
            pdf.line(
                    "対象 / Party: "
                            + a.partyName()
                            + (a.location() == null ? "" : "　場所 / Location: " + a.location()));
            if (a.contractNumber() != null) {
                pdf.line("契約 / Contract: " + a.contractNumber());
            }
            pdf.line(
                    "状態 / Status: "
                            + ("CLOSED".equals(a.status()) ? "確定 CLOSED" : "実施中 OPEN（未確定）"));
            pdf.line("開始 / Opened: " + time(a.openedAt(), zone) + "　" + a.openedByName());
            pdf.line(
                    "終了 / Closed: "
                            + time(a.closedAt(), zone)
                            + "　"
                            + (a.closedByName() == null ? "" : a.closedByName()));
            pdf.line("実施者 / Audited by: " + String.join(", ", a.auditors()));
            pdf.gap();
            pdf.subheading("集計 / Summary");
            pdf.line(
                    "予定 EXPECTED "
                            + a.expected()
                            + "　確認 FOUND "
                            + a.found()
                            + "　不明 MISSING "
                            + a.missing()
                            + "　予定外 UNEXPECTED "
                            + a.unexpected());
            pdf.gap();
            pdf.subheading("資産ごとの結果 / Result per asset");
            float[] cols = {0.15f, 0.27f, 0.12f, 0.2f, 0.14f, 0.06f, 0.06f};
            pdf.row(
                    cols,
                    "管理番号 Tag",
                    "名称 Title",
                    "結果 Outcome",
                    "台帳上の保管者 Ledger holder",
                    "状態 State",
                    "回数",
                    "台帳 seq");
            for (AuditView.Item i : a.items()) {
                pdf.row(
                        cols,
                        i.tag(),
                        i.title(),
                        i.outcome(),
                        i.holderName(),
                        i.custodyState(),
                        String.valueOf(i.scans()),
                        i.eventSeq() == null ? "" : String.valueOf(i.eventSeq()));
            }
            pdf.gap();
            pdf.small(
                    "FOUND: 予定どおり確認 / expected and seen. MISSING: 予定されていたが未確認 / expected, not seen. "
                            + "UNEXPECTED: 予定外（台帳上の保管者を表示）/ seen, not expected there (the ledger's holder shown). "
                            + "確定時、確認された各資産の台帳に AUDIT_SEEN が記録される / closing records AUDIT_SEEN in each seen asset's chain.");
            return pdf.bytes();
        }
    }

    static String time(Instant t, ZoneId zone) {
        return t == null ? "—" : TIME.format(t.atZone(zone));
    }
}
