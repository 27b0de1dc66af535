package jp.azukari.custody.domain;

import java.util.UUID;

/**
 * The answer of the custody rules to an attempted action: allowed (with the route) or refused (with
 * the rule).
 */
public sealed interface Decision {

    record Allowed(UUID fromPartyId, UUID toPartyId) implements Decision {}

    record Refused(Refusal refusal) implements Decision {}

    static Decision refused(RefusalCode code) {
        return new Refused(Refusal.of(code));
    }

    static Decision refused(RefusalCode code, String detail) {
        return new Refused(new Refusal(code, detail));
    }
}
