package jp.azukari.common;

import java.util.Objects;
import java.util.UUID;

/** Who is acting: the authenticated user, their role and the party they act for. */
public record Actor(UUID userId, String username, Role role, UUID partyId) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(partyId, "partyId");
    }

    public boolean is(Role r) {
        return role == r;
    }

    /**
     * Custodians see only what their own party holds, held or is offered; agency roles see
     * everything.
     */
    public boolean isScopedToParty() {
        return role == Role.CUSTODIAN;
    }
}
