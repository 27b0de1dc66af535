package jp.azukari.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The overdue report as JSON: one page of overdue assets, grouped by contract and holder in report
 * order.
 *
 * @param totalAssets overdue assets in the whole report
 */
public record OverdueReport(
        LocalDate asOf,
        String timeZone,
        long totalAssets,
        int limit,
        long offset,
        int returned,
        List<Group> groups) {

    /** One contract and one holder; {@code totalAssets} counts the group's assets on every page. */
    public record Group(
            UUID contractId,
            String contractNumber,
            String contractTitle,
            UUID holderPartyId,
            String holderName,
            String holderKind,
            long totalAssets,
            List<Item> assets) {}

    public record Item(
            UUID assetId,
            String tag,
            String title,
            String kind,
            String sensitivity,
            String custodyState,
            LocalDate dueOn,
            int daysOverdue,
            UUID openTransferId,
            String openTransferKind) {}

    static OverdueReport of(
            LocalDate asOf, String zone, int limit, long offset, OverdueQuery.Page page) {
        Map<List<UUID>, Long> totals = new HashMap<>();
        long all = 0;
        for (OverdueQuery.GroupTotal t : page.totals()) {
            totals.put(List.of(t.contractId(), t.holderPartyId()), t.assets());
            all += t.assets();
        }
        Map<List<UUID>, Group> groups = new LinkedHashMap<>();
        for (OverdueQuery.Row r : page.rows()) {
            List<UUID> key = List.of(r.contractId(), r.holderPartyId());
            Group g =
                    groups.computeIfAbsent(
                            key,
                            k ->
                                    new Group(
                                            r.contractId(),
                                            r.contractNumber(),
                                            r.contractTitle(),
                                            r.holderPartyId(),
                                            r.holderName(),
                                            r.holderKind(),
                                            totals.getOrDefault(k, 0L),
                                            new ArrayList<>()));
            g.assets()
                    .add(
                            new Item(
                                    r.assetId(),
                                    r.tag(),
                                    r.title(),
                                    r.kind(),
                                    r.sensitivity(),
                                    r.custodyState(),
                                    r.dueOn(),
                                    r.daysOverdue(),
                                    r.openTransferId(),
                                    r.openTransferKind()));
        }
        return new OverdueReport(
                asOf, zone, all, limit, offset, page.rows().size(), List.copyOf(groups.values()));
    }
}
