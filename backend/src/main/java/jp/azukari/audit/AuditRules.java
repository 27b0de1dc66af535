package jp.azukari.audit;

import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;

/** Who may open, scan in, read and close an audit (art. 9). Pure. */
public final class AuditRules {

    private AuditRules() {}

    public enum Outcome {
        FOUND,
        MISSING,
        UNEXPECTED
    }

    /** Whether the role may open an audit at all (a CUSTODIAN: only at their own party). */
    public static boolean mayOpen(Actor actor) {
        return actor.is(Role.MANAGER) || actor.is(Role.AUDITOR) || actor.is(Role.CUSTODIAN);
    }

    /**
     * A MANAGER or AUDITOR audits any party; a CUSTODIAN takes a self-inventory of their own party
     * only.
     */
    public static boolean mayAudit(Actor actor, UUID partyId) {
        return actor.is(Role.MANAGER)
                || actor.is(Role.AUDITOR)
                || (actor.is(Role.CUSTODIAN) && actor.partyId().equals(partyId));
    }

    /**
     * The outcome of one asset: expected and seen, expected and never seen, or seen but not
     * expected there.
     */
    public static Outcome outcome(boolean expected, boolean seen) {
        if (expected) {
            return seen ? Outcome.FOUND : Outcome.MISSING;
        }
        if (!seen) {
            throw new IllegalArgumentException("an asset neither expected nor seen has no outcome");
        }
        return Outcome.UNEXPECTED;
    }
}
