package jp.azukari.user;

import static org.assertj.core.api.Assertions.assertThat;

import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import org.junit.jupiter.api.Test;

class RolePlacementTests {

    @Test
    void custodians_belong_to_contractors_and_subcontractors_every_other_role_to_the_agency() {
        for (Role role : Role.values()) {
            for (PartyKind kind : PartyKind.values()) {
                boolean fits = (role == Role.CUSTODIAN) == (kind != PartyKind.AGENCY);
                assertThat(RolePlacement.violation(role, kind).isEmpty())
                        .as(role + " in " + kind)
                        .isEqualTo(fits);
            }
        }
    }
}
