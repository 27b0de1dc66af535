package jp.azukari.custody.domain;

import java.util.UUID;

/**
 * The answer of a feature's rules to an attempted action, the one shape of every rule: allowed
 * (with the route, for a transfer), granted under the prior approval that allows it (art. 2.3, 6),
 * or refused with the {@link Refusal} that says which rule and why. The web edge alone turns a
 * refusal into an RFC 9457 answer.
 */
public sealed interface Decision {

    /** Allowed, with nothing more to say. */
    Decision ALLOWED = new Allowed(null, null);

    /** Allowed: a transfer's route from one party to another (both null outside transfers). */
    record Allowed(UUID fromPartyId, UUID toPartyId) implements Decision {}

    /** Allowed under this approval of the agency, which the action records. */
    record Granted(ApprovalFacts approval) implements Decision {}

    record Refused(Refusal refusal) implements Decision {}

    static Decision refused(RefusalCode code) {
        return new Refused(Refusal.of(code));
    }

    static Decision refused(RefusalCode code, String detail) {
        return new Refused(new Refusal(code, detail));
    }

    static Decision refused(Refusal refusal) {
        return new Refused(refusal);
    }
}
