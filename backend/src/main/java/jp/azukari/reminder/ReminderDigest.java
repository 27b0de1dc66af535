package jp.azukari.reminder;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The reminders one daily run delivers: assets that became overdue, and assets due within the
 * configured days.
 */
public record ReminderDigest(LocalDate day, List<Item> reminders) {

    public record Item(
            UUID reminderId,
            String kind,
            UUID assetId,
            String tag,
            String title,
            String contractNumber,
            String holderName,
            LocalDate dueOn) {}

    public long count(String kind) {
        return reminders.stream().filter(r -> r.kind().equals(kind)).count();
    }

    public String subject() {
        return "[Azukari] "
                + day
                + ": "
                + count("OVERDUE")
                + " newly overdue, "
                + count("DUE_SOON")
                + " due soon";
    }

    /** Plain text, one line per reminder, for e-mail and logs. */
    public String text() {
        StringBuilder b = new StringBuilder(subject()).append("\n\n");
        for (Item r : reminders) {
            b.append(r.kind().equals("OVERDUE") ? "返却期限超過 OVERDUE " : "返却期限間近 DUE SOON ")
                    .append(r.dueOn())
                    .append("  ")
                    .append(r.contractNumber())
                    .append("  ")
                    .append(r.holderName())
                    .append("  ")
                    .append(r.tag())
                    .append("  ")
                    .append(r.title())
                    .append('\n');
        }
        return b.toString();
    }
}
