package jp.azukari.asset.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jp.azukari.asset.AssetService;
import jp.azukari.core.label.CounterInput;
import jp.azukari.core.label.Tags;

/**
 * One asset as a person enters it — in the register form or as a CSV row — checked with the API's
 * rules (AssetController.AssetRequest) and a spreadsheet's: a text starting with = + - @ (or a tab
 * or CR) would run as a formula when the file is opened in Excel again, so it is refused, never
 * silently changed.
 */
record AssetInput(
        String tag,
        String kind,
        String title,
        String serialNumber,
        String sensitivity,
        String handling) {

    /** A message key (bundle counter) and its argument, for the field it belongs to. */
    record Problem(String field, String key, String arg) {}

    static final List<String> KINDS =
            List.of("DOCUMENT", "DATA", "RECORDING_MEDIA", "EQUIPMENT", "SOFTWARE");
    static final List<String> SENSITIVITIES =
            List.of("PUBLIC", "INTERNAL", "CONFIDENTIAL", "PERSONAL_DATA");
    private static final Map<String, String> KIND_WORDS =
            Map.of(
                    "文書",
                    "DOCUMENT",
                    "データ",
                    "DATA",
                    "記録媒体",
                    "RECORDING_MEDIA",
                    "媒体",
                    "RECORDING_MEDIA",
                    "機器",
                    "EQUIPMENT",
                    "ソフトウェア",
                    "SOFTWARE");
    private static final Map<String, String> SENSITIVITY_WORDS =
            Map.of(
                    "公開",
                    "PUBLIC",
                    "内部",
                    "INTERNAL",
                    "部外秘",
                    "INTERNAL",
                    "秘",
                    "CONFIDENTIAL",
                    "機密",
                    "CONFIDENTIAL",
                    "個人情報",
                    "PERSONAL_DATA");
    private static final Pattern TAG = Tags.PATTERN;

    /** The problems of this input; none means {@link #toNew()} may be registered. */
    List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        String t = normalisedTag();
        if (t != null && !TAG.matcher(t).matches()) {
            out.add(new Problem("tag", "asset.error.tag", tag));
        }
        if (kindCode() == null) {
            out.add(
                    new Problem(
                            "kind",
                            blank(kind) ? "asset.error.kind.missing" : "asset.error.kind",
                            blank(kind) ? "" : kind));
        }
        if (blank(title)) {
            out.add(new Problem("title", "asset.error.title.missing", ""));
        } else if (title.strip().length() > 300) {
            out.add(new Problem("title", "asset.error.title.long", "300"));
        }
        if (sensitivityCode() == null) {
            out.add(
                    new Problem(
                            "sensitivity",
                            blank(sensitivity)
                                    ? "asset.error.sensitivity.missing"
                                    : "asset.error.sensitivity",
                            blank(sensitivity) ? "" : sensitivity));
        }
        if (serialNumber != null && serialNumber.strip().length() > 100) {
            out.add(new Problem("serialNumber", "asset.error.serial.long", "100"));
        }
        if (handling != null && handling.strip().length() > 2000) {
            out.add(new Problem("handling", "asset.error.handling.long", "2000"));
        }
        formula(out, "title", title);
        formula(out, "serialNumber", serialNumber);
        formula(out, "handling", handling);
        return out;
    }

    AssetService.NewAsset toNew() {
        return new AssetService.NewAsset(
                normalisedTag(),
                kindCode(),
                title.strip(),
                emptyToNull(serialNumber),
                sensitivityCode(),
                emptyToNull(handling));
    }

    public String normalisedTag() {
        return blank(tag) ? null : CounterInput.tag(tag);
    }

    public String kindCode() {
        return code(kind, KINDS, KIND_WORDS);
    }

    public String sensitivityCode() {
        return code(sensitivity, SENSITIVITIES, SENSITIVITY_WORDS);
    }

    private static String code(String given, List<String> codes, Map<String, String> words) {
        if (blank(given)) {
            return null;
        }
        String g = given.strip();
        String upper = g.toUpperCase(Locale.ROOT);
        if (codes.contains(upper)) {
            return upper;
        }
        return words.get(g);
    }

    private static void formula(List<Problem> out, String field, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        char first = value.charAt(0);
        if (first == '='
                || first == '+'
                || first == '-'
                || first == '@'
                || first == '\t'
                || first == '\r') {
            out.add(
                    new Problem(
                            field,
                            "asset.error.formula",
                            String.valueOf(first).replace("\t", "TAB").replace("\r", "CR")));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
