package jp.azukari.asset.web;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CSV file of assets as Japanese offices make them: Excel's "CSV" (Shift_JIS, i.e. Windows-31J)
 * or "CSV UTF-8" (with a BOM), or UTF-8 without one; quoted fields holding commas, quotes and line
 * breaks (RFC 4180); a header row in Japanese or English. Every row is checked ({@link AssetInput})
 * so a preview can show each row's errors before anything is stored.
 */
final class AssetCsv {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ROWS = 1000;
    static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    /** One data row: its line in the file, its cells and its problems. */
    record Row(int line, AssetInput input, List<AssetInput.Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * The file's reading: encoding name, rows, and a problem of the whole file (message key and
     * argument) or null.
     */
    record Parsed(
            String encoding, List<Row> rows, String fileError, String fileErrorArg, String text) {
        public boolean allGood() {
            return fileError == null && !rows.isEmpty() && rows.stream().allMatch(Row::ok);
        }

        public long bad() {
            return rows.stream().filter(r -> !r.ok()).count();
        }
    }

    private static final Map<String, String> HEADERS = new HashMap<>();

    static {
        for (String h : List.of("tag", "タグ", "管理番号", "資産番号")) {
            HEADERS.put(h, "tag");
        }
        for (String h : List.of("kind", "種別", "種類")) {
            HEADERS.put(h, "kind");
        }
        for (String h : List.of("title", "名称", "件名", "品名")) {
            HEADERS.put(h, "title");
        }
        for (String h : List.of("serial_number", "serialnumber", "serial", "製造番号", "シリアル番号")) {
            HEADERS.put(h, "serialNumber");
        }
        for (String h : List.of("sensitivity", "機密区分", "区分", "機密性")) {
            HEADERS.put(h, "sensitivity");
        }
        for (String h : List.of("handling_requirements", "handling", "取扱条件", "取扱い条件", "取扱注意事項")) {
            HEADERS.put(h, "handling");
        }
    }

    private AssetCsv() {}

    /** An uploaded file read in pieces: kept up to the limit, past it only counted. */
    static final class Upload {
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private long total;

        void add(org.springframework.core.io.buffer.DataBuffer buffer) {
            int n = buffer.readableByteCount();
            total += n;
            if (total <= MAX_BYTES) {
                byte[] bytes = new byte[n];
                buffer.read(bytes);
                kept.writeBytes(bytes);
            }
        }

        Parsed parse() {
            return total > MAX_BYTES ? tooLarge(total) : AssetCsv.parse(kept.toByteArray());
        }
    }

    private static Parsed tooLarge(long bytes) {
        return fileError(
                "import.error.tooLarge",
                String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0));
    }

    static Parsed parse(byte[] bytes) {
        if (bytes.length == 0) {
            return fileError("import.error.empty", "");
        }
        if (bytes.length > MAX_BYTES) {
            return tooLarge(bytes.length);
        }
        CsvText.Decoded decoded = CsvText.decode(bytes);
        if (decoded == null) {
            return fileError("import.error.encoding", "");
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        if (!CsvRecords.split(decoded.text(), records, lines)) {
            return new Parsed(decoded.name(), List.of(), "import.error.quote", "", decoded.text());
        }
        if (records.isEmpty()) {
            return new Parsed(decoded.name(), List.of(), "import.error.empty", "", decoded.text());
        }
        List<String> header = records.get(0);
        Map<String, Integer> column = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            String field = HEADERS.get(name);
            if (field != null) {
                column.putIfAbsent(field, i);
            } else if (!name.isEmpty()) {
                unknown.add(header.get(i));
            }
        }
        if (!column.containsKey("title")
                || !column.containsKey("kind")
                || !column.containsKey("sensitivity")) {
            boolean nonAscii = decoded.text().chars().anyMatch(c -> c > 0x7e);
            // a header we cannot read in a file full of non-ASCII text is most often another
            // encoding (EUC-JP, …)
            boolean garbled =
                    nonAscii
                            && decoded.text()
                                    .chars()
                                    .limit(2000)
                                    .anyMatch(c -> c >= 0xFF61 && c <= 0xFF9F);
            return new Parsed(
                    decoded.name(),
                    List.of(),
                    garbled ? "import.error.encoding" : "import.error.header",
                    String.join(", ", header),
                    decoded.text());
        }
        if (records.size() - 1 > MAX_ROWS) {
            return new Parsed(
                    decoded.name(),
                    List.of(),
                    "import.error.tooManyRows",
                    String.valueOf(records.size() - 1),
                    decoded.text());
        }
        List<Row> rows = new ArrayList<>();
        Set<String> tags = new HashSet<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            AssetInput input =
                    new AssetInput(
                            cell(cells, column, "tag"),
                            cell(cells, column, "kind"),
                            cell(cells, column, "title"),
                            cell(cells, column, "serialNumber"),
                            cell(cells, column, "sensitivity"),
                            cell(cells, column, "handling"));
            List<AssetInput.Problem> problems = new ArrayList<>(input.problems());
            if (cells.size() > header.size()) {
                problems.add(
                        new AssetInput.Problem(
                                "", "import.error.extraCells", String.valueOf(cells.size())));
            }
            String tag = input.normalisedTag();
            if (tag != null && !tags.add(tag)) {
                problems.add(new AssetInput.Problem("tag", "import.error.tagTwice", tag));
            }
            rows.add(new Row(lines.get(r), input, List.copyOf(problems)));
        }
        return new Parsed(
                decoded.name(),
                rows,
                rows.isEmpty() ? "import.error.noRows" : null,
                "",
                decoded.text());
    }

    private static String cell(List<String> cells, Map<String, Integer> column, String field) {
        Integer i = column.get(field);
        return i == null || i >= cells.size() ? null : cells.get(i);
    }

    private static Parsed fileError(String key, String arg) {
        return new Parsed(null, List.of(), key, arg, null);
    }
}
