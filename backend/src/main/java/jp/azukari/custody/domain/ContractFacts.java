package jp.azukari.custody.domain;

import java.time.LocalDate;
import java.util.UUID;

/** What the custody rules need to know about a contract. */
public record ContractFacts(
        UUID id,
        UUID agencyPartyId,
        UUID contractorPartyId,
        ContractStatus status,
        LocalDate returnDueOn,
        LocalDate completedOn) {

    /**
     * Everything held is due at the return date, or at once from the day the work was marked
     * completed (art. 6).
     */
    public LocalDate dueOn() {
        if (completedOn != null && completedOn.isBefore(returnDueOn)) {
            return completedOn;
        }
        return returnDueOn;
    }
}
