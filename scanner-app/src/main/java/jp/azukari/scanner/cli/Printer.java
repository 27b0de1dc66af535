package jp.azukari.scanner.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import jp.azukari.scanner.client.Problem;
import jp.azukari.scanner.client.ScanResult;
import jp.azukari.scanner.client.Transfer;
import jp.azukari.scanner.counter.AuditSeen;
import jp.azukari.scanner.counter.Outcome;
import jp.azukari.scanner.label.Reading;
import jp.azukari.scanner.queue.Purpose;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one line per outcome: for people a mark, the label's tag, what happened and where it was
 * read, with a bell on failure; with {@code --json} one JSON object per line and no bell.
 */
final class Printer implements Consumer<Outcome> {

    private static final char BELL = '\u0007';
    private static final int SHOWN_TEXT = 80;

    private final PrintStream out;
    private final Messages messages;
    private final JsonMapper json;
    private final boolean asJson;
    private final Instant runStarted;
    private final DateTimeFormatter time;
    private final Runnable beforeLine;
    final AuditSeen audit = new AuditSeen();

    Printer(
            PrintStream out,
            Messages messages,
            JsonMapper json,
            boolean asJson,
            Instant runStarted,
            ZoneId zone,
            Runnable beforeLine) {
        this.beforeLine = beforeLine;
        this.out = out;
        this.messages = messages;
        this.json = json;
        this.asJson = asJson;
        this.runStarted = runStarted;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    @Override
    public synchronized void accept(Outcome outcome) {
        beforeLine.run();
        Line line = line(outcome);
        if (asJson) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("type", line.type());
            object.put("mark", outcome.mark().name());
            object.put("message", line.text());
            line.fields()
                    .forEach(
                            (key, value) -> {
                                if (value != null) {
                                    object.put(key, value);
                                }
                            });
            out.println(json.writeValueAsString(object));
        } else {
            StringBuilder text =
                    new StringBuilder(messages.text("mark." + outcome.mark().name())).append(' ');
            if (line.subject() != null) {
                text.append(line.subject()).append("  ");
            }
            text.append(line.text());
            if (line.source() != null) {
                text.append("  [").append(line.source()).append(']');
            }
            // Texts come from QR codes, file names and the server: none of them may move the cursor
            // or clear the screen.
            String printable = harmless(text.toString());
            out.println(outcome.mark() == Outcome.Mark.FAILED ? printable + BELL : printable);
            line.more().forEach(more -> out.println(harmless(more)));
        }
        out.flush();
    }

    synchronized void summary(int ok, int failed, int queued, int exitCode) {
        beforeLine.run();
        String text = messages.text("summary", ok, failed, queued);
        if (asJson) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("type", "summary");
            object.put("succeeded", ok);
            object.put("failed", failed);
            object.put("queued", queued);
            object.put("exitCode", exitCode);
            object.put("message", text);
            out.println(json.writeValueAsString(object));
        } else {
            out.println(text);
        }
        out.flush();
    }

    /** A line not about one scan: a login, a logout, "nothing to do". */
    synchronized void info(String type, String text, boolean ok) {
        beforeLine.run();
        if (asJson) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("type", type);
            object.put("mark", ok ? "OK" : "FAILED");
            object.put("message", text);
            out.println(json.writeValueAsString(object));
        } else {
            out.println(
                    messages.text(ok ? "mark.OK" : "mark.FAILED")
                            + " "
                            + harmless(text)
                            + (ok ? "" : String.valueOf(BELL)));
        }
        out.flush();
    }

    private Line line(Outcome outcome) {
        if (outcome instanceof Outcome.ScanAnswered answered) {
            return answered(answered);
        }
        if (outcome instanceof Outcome.ScanRefused refused) {
            return new Line(
                    "scan",
                    tagOf(refused.scan().payload()),
                    messages.text("scan.refused", refused.problem().explanation()),
                    refused.scan().source(),
                    fields(
                            "scanId",
                            refused.scan().scanId(),
                            "payload",
                            refused.scan().payload(),
                            "status",
                            refused.problem().status(),
                            "code",
                            refused.problem().code()));
        }
        if (outcome instanceof Outcome.ScanQueued queued) {
            return new Line(
                    "scan",
                    tagOf(queued.scan().payload()),
                    messages.text("scan.queued"),
                    queued.scan().source(),
                    fields(
                            "result",
                            "QUEUED",
                            "scanId",
                            queued.scan().scanId(),
                            "payload",
                            queued.scan().payload(),
                            "scannedAt",
                            queued.scan().scannedAt()));
        }
        if (outcome instanceof Outcome.LabelRead read) {
            return new Line(
                    "label",
                    read.label().label().tag(),
                    messages.text("label.read", read.label().canonical()),
                    read.source(),
                    fields(
                            "payload",
                            read.label().canonical(),
                            "tag",
                            read.label().label().tag(),
                            "keyId",
                            read.label().label().keyId(),
                            "text",
                            read.label().text()));
        }
        if (outcome instanceof Outcome.NotOurs notOurs) {
            return new Line(
                    "not_ours",
                    null,
                    messages.text(
                            "notours." + notOurs.reading().why().name(),
                            shortened(notOurs.reading().text())),
                    notOurs.source(),
                    fields(
                            "reason",
                            notOurs.reading().why().name(),
                            "text",
                            notOurs.reading().text()));
        }
        if (outcome instanceof Outcome.NothingFound nothing) {
            return new Line(
                    "nothing_found", null, messages.text("nothing"), nothing.source(), fields());
        }
        if (outcome instanceof Outcome.Unreadable unreadable) {
            String detail = unreadable.input().detail();
            return new Line(
                    "unreadable",
                    null,
                    messages.text(
                            "problem." + unreadable.input().problem().name(),
                            detail == null ? "" : detail),
                    unreadable.input().source(),
                    fields("problem", unreadable.input().problem().name(), "detail", detail));
        }
        return transferOrNote(outcome);
    }

    private Line answered(Outcome.ScanAnswered answered) {
        ScanResult result = answered.result();
        List<String> parts = new ArrayList<>();
        String auditKind = null;
        if (answered.scan().purpose() == Purpose.AUDIT) {
            AuditSeen.Kind kind = audit.classify(result);
            String code = "audit.code." + result.code();
            if (kind != AuditSeen.Kind.NOT_COUNTED) {
                auditKind = kind.name();
                parts.add(
                        messages.text(
                                "audit." + kind.name(),
                                Objects.requireNonNullElse(result.holder(), "?")));
            } else if (result.code() != null && messages.has(code)) {
                auditKind = kind.name();
                parts.add(messages.text(code));
            }
        }
        if (auditKind == null) {
            parts.add(
                    messages.has("result." + result.result())
                            ? messages.text("result." + result.result())
                            : messages.text("result.other", result.result()));
        }
        if (result.title() != null) {
            parts.add(result.title());
        }
        if (result.holder() != null && auditKind == null) {
            parts.add(messages.text("scan.holder", result.holder()));
        }
        if (!result.succeeded()
                && auditKind == null
                && result.message() != null
                && !result.message().isBlank()) {
            parts.add(result.message());
        }
        if (result.code() != null && auditKind == null) {
            parts.add(
                    messages.text(
                            "rule",
                            result.code(),
                            Objects.requireNonNullElse(result.article(), "-")));
        }
        if (answered.scan().scannedAt().isBefore(runStarted)) {
            parts.add(messages.text("scan.earlier", time.format(answered.scan().scannedAt())));
        }
        String tag = result.tag() != null ? result.tag() : tagOf(answered.scan().payload());
        return new Line(
                "scan",
                tag,
                String.join(" — ", parts),
                answered.scan().source(),
                fields(
                        "result",
                        result.result(),
                        "scanId",
                        answered.scan().scanId(),
                        "payload",
                        answered.scan().payload(),
                        "scannedAt",
                        answered.scan().scannedAt(),
                        "purpose",
                        answered.scan().purpose(),
                        "transferId",
                        answered.scan().transferId(),
                        "auditId",
                        answered.scan().auditId(),
                        "audit",
                        auditKind,
                        "assetId",
                        result.assetId(),
                        "tag",
                        result.tag(),
                        "title",
                        result.title(),
                        "holder",
                        result.holder(),
                        "serverMessage",
                        result.message(),
                        "code",
                        result.code(),
                        "article",
                        result.article()));
    }

    private Line transferOrNote(Outcome outcome) {
        if (outcome instanceof Outcome.TransferLabel label) {
            if (label.problem() == null) {
                return new Line(
                        "transfer_label",
                        label.asset().tag(),
                        Objects.requireNonNullElse(label.asset().title(), ""),
                        label.label().source(),
                        fields(
                                "payload",
                                label.label().payload(),
                                "assetId",
                                label.asset().assetId(),
                                "tag",
                                label.asset().tag(),
                                "title",
                                label.asset().title()));
            }
            return new Line(
                    "transfer_label",
                    tagOf(label.label().payload()),
                    messages.text("transfer.label.failed", explain(label.problem())),
                    label.label().source(),
                    fields(
                            "payload",
                            label.label().payload(),
                            "code",
                            label.problem().code(),
                            "status",
                            label.problem().status()));
        }
        if (outcome instanceof Outcome.TransferStarted started) {
            Transfer transfer = started.transfer();
            return new Line(
                    "transfer",
                    null,
                    messages.text(
                            "transfer.started",
                            started.request().kind(),
                            transfer.id(),
                            transfer.lines().isEmpty()
                                    ? started.request().labels().size()
                                    : transfer.lines().size()),
                    null,
                    fields(
                            "result",
                            "STARTED",
                            "transferId",
                            transfer.id(),
                            "kind",
                            started.request().kind(),
                            "requestId",
                            started.request().requestId()));
        }
        if (outcome instanceof Outcome.TransferNotStarted notStarted) {
            String text =
                    notStarted.problem() == null
                            ? messages.text(
                                    "transfer.notStarted.labels", notStarted.request().kind())
                            : messages.text(
                                    "transfer.notStarted.refused",
                                    notStarted.request().kind(),
                                    explain(notStarted.problem()));
            return new Line(
                    "transfer",
                    null,
                    text,
                    null,
                    fields(
                            "result",
                            "NOT_STARTED",
                            "kind",
                            notStarted.request().kind(),
                            "requestId",
                            notStarted.request().requestId(),
                            "code",
                            notStarted.problem() == null ? null : notStarted.problem().code()));
        }
        if (outcome instanceof Outcome.TransferQueued queued) {
            return new Line(
                    "transfer",
                    null,
                    messages.text(
                            "transfer.queued",
                            queued.request().kind(),
                            queued.request().labels().size()),
                    null,
                    fields(
                            "result",
                            "QUEUED",
                            "kind",
                            queued.request().kind(),
                            "requestId",
                            queued.request().requestId()));
        }
        if (outcome instanceof Outcome.StillMissing missing) {
            return stillMissing(missing);
        }
        if (outcome instanceof Outcome.AuditStatus status) {
            return auditStatus(status);
        }
        return note(outcome);
    }

    private Line stillMissing(Outcome.StillMissing missing) {
        Transfer transfer = missing.transfer();
        if (missing.lines().isEmpty()) {
            return new Line(
                    "missing",
                    null,
                    messages.text("missing.none", transfer.id()),
                    null,
                    fields("transferId", transfer.id(), "lines", List.of()));
        }
        List<String> more = new ArrayList<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Transfer.Line line : missing.lines()) {
            more.add(
                    messages.text(
                            "missing.line",
                            line.tag(),
                            Objects.requireNonNullElse(line.title(), ""),
                            line.status()));
            lines.add(
                    fields(
                            "assetId",
                            line.assetId(),
                            "tag",
                            line.tag(),
                            "title",
                            line.title(),
                            "status",
                            line.status()));
        }
        return new Line(
                "missing",
                null,
                messages.text(
                        "missing.header",
                        transfer.id(),
                        missing.lines().size(),
                        transfer.lines().size()),
                null,
                fields("transferId", transfer.id(), "lines", lines),
                more);
    }

    private Line auditStatus(Outcome.AuditStatus status) {
        String run =
                messages.text(
                        "audit.run", status.found(), status.unexpected(), status.duplicates());
        Map<String, Object> counts =
                fields(
                        "runFound",
                        status.found(),
                        "runUnexpected",
                        status.unexpected(),
                        "runDuplicates",
                        status.duplicates());
        if (status.audit() == null) {
            return new Line("audit", null, run, null, counts);
        }
        var a = status.audit();
        String where =
                a.partyName() == null
                        ? ""
                        : a.partyName() + (a.location() == null ? "" : " / " + a.location());
        Map<String, Object> all =
                fields(
                        "auditId",
                        a.id(),
                        "status",
                        a.status(),
                        "expected",
                        a.expected(),
                        "found",
                        a.found(),
                        "missing",
                        a.missing(),
                        "unexpected",
                        a.unexpected());
        all.putAll(counts);
        return new Line(
                "audit",
                null,
                messages.text(
                        "audit.status",
                        a.id(),
                        where,
                        a.expected(),
                        a.found(),
                        a.missing(),
                        a.unexpected(),
                        messages.text("audit.state." + a.status())),
                null,
                all,
                List.of("  " + run));
    }

    private Line note(Outcome outcome) {
        if (outcome instanceof Outcome.ServerUnavailable unavailable) {
            return new Line(
                    "note",
                    null,
                    messages.text(
                            "note.unavailable." + unavailable.why().name(),
                            Objects.requireNonNullElse(unavailable.detail(), ""),
                            unavailable.waiting()),
                    null,
                    fields(
                            "note",
                            "SERVER_UNAVAILABLE",
                            "reason",
                            unavailable.why().name(),
                            "waiting",
                            unavailable.waiting()));
        }
        if (outcome instanceof Outcome.LoginNeeded login) {
            return new Line(
                    "note",
                    null,
                    messages.text("note.login." + login.why().name(), login.waiting()),
                    null,
                    fields(
                            "note",
                            "LOGIN_NEEDED",
                            "reason",
                            login.why().name(),
                            "waiting",
                            login.waiting()));
        }
        if (outcome instanceof Outcome.WaitingForOtherServer other) {
            return new Line(
                    "note",
                    null,
                    messages.text("note.otherServer", other.waiting(), other.server()),
                    null,
                    fields(
                            "note",
                            "OTHER_SERVER",
                            "server",
                            other.server(),
                            "waiting",
                            other.waiting()));
        }
        Outcome.QueueDamaged damaged = (Outcome.QueueDamaged) outcome;
        return new Line(
                "note",
                null,
                messages.text("note.damaged", damaged.lines(), damaged.location()),
                null,
                fields("note", "QUEUE_DAMAGED", "lines", damaged.lines()));
    }

    private String explain(Problem problem) {
        if (problem.code() != null && messages.has("result." + problem.code())) {
            return messages.text("result." + problem.code());
        }
        return problem.explanation();
    }

    private static String tagOf(String payload) {
        Reading reading = Reading.of(payload);
        return reading instanceof Reading.AzukariLabel label ? label.label().tag() : payload;
    }

    private static String shortened(String text) {
        String oneLine = harmless(text);
        return oneLine.length() <= SHOWN_TEXT ? oneLine : oneLine.substring(0, SHOWN_TEXT) + "…";
    }

    private static String harmless(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            fields.put(
                    (String) keysAndValues[i],
                    value == null
                            ? null
                            : value instanceof Enum<?> e
                                    ? e.name()
                                    : value instanceof List<?> || value instanceof Number
                                            ? value
                                            : value.toString());
        }
        return fields;
    }

    private record Line(
            String type,
            String subject,
            String text,
            String source,
            Map<String, Object> fields,
            List<String> more) {

        Line(String type, String subject, String text, String source, Map<String, Object> fields) {
            this(type, subject, text, source, fields, List.of());
        }
    }
}
