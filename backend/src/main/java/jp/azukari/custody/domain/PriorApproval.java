package jp.azukari.custody.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Actions the agency must approve in advance for one asset (art. 2.3, 6): taking it out, copying
 * it, disposing of it instead of returning it. Finds the approval that allows the action ({@link
 * Decision.Granted}), or says why none does ({@link Decision.Refused}).
 */
public final class PriorApproval {

    /**
     * What an action needs: the approval kind, and the refusals when none is approved or all have
     * lapsed.
     */
    public enum Need {
        TAKE_OUT(
                ApprovalKind.TAKE_OUT,
                RefusalCode.TAKE_OUT_NOT_APPROVED,
                RefusalCode.TAKE_OUT_APPROVAL_EXPIRED),
        COPY(ApprovalKind.COPY, RefusalCode.COPY_NOT_APPROVED, RefusalCode.COPY_APPROVAL_EXPIRED),
        DISPOSAL(
                ApprovalKind.DISPOSE_INSTEAD_OF_RETURN,
                RefusalCode.DISPOSAL_NOT_APPROVED,
                RefusalCode.DISPOSAL_APPROVAL_EXPIRED);

        private final ApprovalKind kind;
        private final RefusalCode notApproved;
        private final RefusalCode expired;

        Need(ApprovalKind kind, RefusalCode notApproved, RefusalCode expired) {
            this.kind = kind;
            this.notApproved = notApproved;
            this.expired = expired;
        }

        public ApprovalKind kind() {
            return kind;
        }
    }

    private PriorApproval() {}

    /**
     * @param candidates the approvals to consider: the one the request cites, or every approval of
     *     the contract
     * @param today the agency's today; an approval is valid through its last day
     */
    public static Decision find(
            Need need,
            UUID contractId,
            UUID assetId,
            List<ApprovalFacts> candidates,
            LocalDate today) {
        List<ApprovalFacts> covering =
                candidates.stream()
                        .filter(a -> a.kind() == need.kind && a.status() == ApprovalStatus.APPROVED)
                        .filter(a -> a.contractId().equals(contractId) && a.covers(assetId))
                        .toList();
        if (covering.isEmpty()) {
            return Decision.refused(need.notApproved);
        }
        return covering.stream()
                .filter(a -> !a.isExpiredOn(today))
                .max(Comparator.comparing(ApprovalFacts::validUntil))
                .<Decision>map(Decision.Granted::new)
                .orElseGet(
                        () -> {
                            LocalDate last =
                                    covering.stream()
                                            .map(ApprovalFacts::validUntil)
                                            .max(Comparator.naturalOrder())
                                            .orElseThrow();
                            return Decision.refused(
                                    need.expired,
                                    "The "
                                            + need.kind
                                            + " approval covering the asset expired on "
                                            + last);
                        });
    }
}
