package jp.azukari.user;

import java.util.Optional;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;

/**
 * Which roles a party of each kind may have (SPEC §2): custodians work for contractors, every other
 * role for the agency.
 */
final class RolePlacement {

    private RolePlacement() {}

    static Optional<String> violation(Role role, PartyKind kind) {
        if (role == Role.CUSTODIAN && kind == PartyKind.AGENCY) {
            return Optional.of(
                    "a CUSTODIAN must belong to a CONTRACTOR or SUBCONTRACTOR party, not an AGENCY party");
        }
        if (role != Role.CUSTODIAN && kind != PartyKind.AGENCY) {
            return Optional.of(
                    "a "
                            + role
                            + " must belong to an AGENCY party; a "
                            + kind
                            + " party has CUSTODIAN users only");
        }
        return Optional.empty();
    }
}
