package jp.azukari.receipt;

import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.JapaneseChronology;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The Japanese words and date forms a receipt prints. */
final class ReceiptText {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm", Locale.JAPAN);
    private static final DateTimeFormatter WAREKI =
            DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN)
                    .withChronology(JapaneseChronology.INSTANCE);

    private final java.util.function.Supplier<ZoneId> zones;

    ReceiptText(java.util.function.Supplier<ZoneId> zones) {
        this.zones = zones;
    }

    String dateTime(Instant at) {
        return at == null ? "—" : DATE_TIME.format(at.atZone(zones.get()));
    }

    /** 2026年12月1日 14:03（令和8年12月1日） */
    String dateTimeWithEra(Instant at) {
        return at == null ? "—" : dateTime(at) + "（" + WAREKI.format(at.atZone(zones.get())) + "）";
    }

    static String kind(String kind) {
        return switch (kind) {
            case "ISSUE" -> "貸与（発注機関から受託者へ）";
            case "HANDOFF" -> "再委託先への提供";
            case "RECOVER" -> "再委託先からの回収";
            case "RETURN" -> "返却（受託者から発注機関へ）";
            default -> kind;
        };
    }

    static String status(String status) {
        return switch (status) {
            case "CONFIRMED" -> "受領確認";
            case "MISSING" -> "不着";
            case "CANCELLED" -> "取消";
            case "PENDING" -> "未確認";
            default -> status;
        };
    }
}
