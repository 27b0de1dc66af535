package jp.azukari.incident;

import jp.azukari.common.Role;
import jp.azukari.custody.domain.CustodyState;
import jp.azukari.custody.domain.Decision;
import jp.azukari.custody.domain.RefusalCode;

/**
 * Incidents (art. 8) as plain rules: who reports, what a loss does to an asset, how an incident
 * moves on.
 */
public final class IncidentRules {

    public enum Kind {
        LOSS,
        THEFT,
        SUSPECTED_LEAK,
        UNAUTHORISED_COPY,
        UNAUTHORISED_TAKE_OUT,
        OTHER;

        /** A loss or theft takes the asset out of anyone's custody: it becomes LOST. */
        public boolean marksLost() {
            return this == LOSS || this == THEFT;
        }
    }

    public enum Status {
        OPEN,
        INVESTIGATING,
        CLOSED
    }

    private IncidentRules() {}

    /**
     * Anyone involved reports: the agency's MANAGERs and CLERKs, and custodians about assets they
     * can see.
     */
    public static boolean mayReport(Role role) {
        return role == Role.MANAGER || role == Role.CLERK || role == Role.CUSTODIAN;
    }

    /** Any state in which someone holds the asset can turn into LOST (SPEC §4). */
    public static boolean canBeLost(CustodyState state) {
        return state != CustodyState.DISPOSED && state != CustodyState.LOST;
    }

    /** OPEN → INVESTIGATING → CLOSED, one step at a time. */
    public static Decision move(Status from, Status to) {
        boolean allowed =
                (from == Status.OPEN && to == Status.INVESTIGATING)
                        || (from == Status.INVESTIGATING && to == Status.CLOSED);
        return allowed
                ? Decision.ALLOWED
                : Decision.refused(
                        RefusalCode.INCIDENT_STEP_NOT_ALLOWED,
                        "An incident moves OPEN → INVESTIGATING → CLOSED; it is "
                                + from
                                + ", not ready for "
                                + to);
    }

    /** Instructions are given while the incident is not CLOSED. */
    public static Decision instruct(Status status) {
        return status == Status.CLOSED
                ? Decision.refused(RefusalCode.INCIDENT_CLOSED)
                : Decision.ALLOWED;
    }

    /**
     * What a LOSS (or THEFT) may name: an asset someone holds, not one in an open transfer (close
     * that with its missing lines).
     */
    public static Decision markLost(String tag, CustodyState state, boolean inOpenTransfer) {
        if (!canBeLost(state)) {
            return Decision.refused(
                    RefusalCode.ASSET_NOT_AVAILABLE,
                    "Asset " + tag + " is " + state + ": it cannot be lost");
        }
        if (inOpenTransfer) {
            return Decision.refused(
                    RefusalCode.ALREADY_IN_TRANSFER,
                    "Asset "
                            + tag
                            + " is in an open transfer:"
                            + " close it with its missing lines (POST /api/v1/transfers/{id}/close-missing), which reports the loss");
        }
        return Decision.ALLOWED;
    }
}
