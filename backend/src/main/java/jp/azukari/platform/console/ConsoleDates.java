package jp.azukari.platform.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.stereotype.Component;

/**
 * Dates as people in Japan write them, for templates ({@code ${@dates.day(d, #locale)}}):
 * 2026年12月1日, with the Japanese era on request (令和8年12月1日); in English 1 Dec 2026. Times are in the
 * agency's time zone.
 */
@Component("dates")
public class ConsoleDates {

    private static final DateTimeFormatter JA =
            DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPAN);
    private static final DateTimeFormatter ERA =
            DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN)
                    .withChronology(JapaneseChronology.INSTANCE);
    private static final DateTimeFormatter EN =
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final AgencyTimeZone zone;

    ConsoleDates(AgencyTimeZone zone) {
        this.zone = zone;
    }

    public String day(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        return isJapanese(locale) ? JA.format(date) : EN.format(date);
    }

    /** The Japanese era form (令和8年12月1日), shown beside the Western date in Japanese pages. */
    public String era(LocalDate date) {
        return date == null ? "" : ERA.format(JapaneseDate.from(date));
    }

    public String time(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(zone.zone());
        return day(local.toLocalDate(), locale) + " " + TIME.format(local);
    }

    /** ISO form for {@code <time datetime>}. */
    public String iso(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static boolean isJapanese(Locale locale) {
        return locale == null || !"en".equals(locale.getLanguage());
    }
}
