package jp.azukari.incident;

import java.util.Optional;

import jp.azukari.common.Role;
import jp.azukari.custody.domain.CustodyState;

/** Incidents (art. 8) as plain rules: who reports, what a loss does to an asset, how an incident moves on. */
public final class IncidentRules {

    public enum Kind {
        LOSS, THEFT, SUSPECTED_LEAK, UNAUTHORISED_COPY, UNAUTHORISED_TAKE_OUT, OTHER;

        /** A loss or theft takes the asset out of anyone's custody: it becomes LOST. */
        public boolean marksLost() {
            return this == LOSS || this == THEFT;
        }
    }

    public enum Status {
        OPEN, INVESTIGATING, CLOSED
    }

    private IncidentRules() {
    }

    /** Anyone involved reports: the agency's MANAGERs and CLERKs, and custodians about assets they can see. */
    public static boolean mayReport(Role role) {
        return role == Role.MANAGER || role == Role.CLERK || role == Role.CUSTODIAN;
    }

    /** Any state in which someone holds the asset can turn into LOST (SPEC §4). */
    public static boolean canBeLost(CustodyState state) {
        return state != CustodyState.DISPOSED && state != CustodyState.LOST;
    }

    /** OPEN → INVESTIGATING → CLOSED, one step at a time; empty when allowed, else why not. */
    public static Optional<String> move(Status from, Status to) {
        boolean allowed = (from == Status.OPEN && to == Status.INVESTIGATING) || (from == Status.INVESTIGATING && to == Status.CLOSED);
        return allowed ? Optional.empty() : Optional.of("An incident moves OPEN → INVESTIGATING → CLOSED; it is " + from + ", not ready for " + to);
    }
}
