package jp.azukari.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the manager's home shows, as of one day in the agency's time zone.
 *
 * @param overdueAssets assets overdue in the whole agency
 * @param overdueAtSubcontractors of those, held by a subcontractor (art. 7: to be recovered first)
 * @param dueSoonAssets assets held outside the agency that fall due within {@code dueSoonDays} days
 *     (not yet overdue)
 * @param staleTransfers transfers still OPEN that were started before {@code staleBefore}
 * @param byContract overdue assets per contract, most first (at most {@link DashboardQuery#TOP}
 *     rows)
 * @param byHolder overdue assets per holding party, most first (at most {@link DashboardQuery#TOP}
 *     rows)
 */
public record Dashboard(
        LocalDate asOf,
        String timeZone,
        int dueSoonDays,
        long overdueAssets,
        long overdueAtSubcontractors,
        long dueSoonAssets,
        long staleTransfers,
        OffsetDateTime staleBefore,
        long pendingApprovals,
        long openIncidents,
        List<ContractCount> byContract,
        List<HolderCount> byHolder) {

    public record ContractCount(
            UUID contractId, String number, String title, long overdue, long atSubcontractors) {}

    public record HolderCount(UUID partyId, String name, String kind, long overdue) {

        public boolean subcontractor() {
            return "SUBCONTRACTOR".equals(kind);
        }
    }
}
