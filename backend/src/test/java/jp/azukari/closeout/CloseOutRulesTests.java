package jp.azukari.closeout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import jp.azukari.closeout.CloseOutRules.Outstanding;
import jp.azukari.closeout.CloseOutRules.Reason;
import org.junit.jupiter.api.Test;

class CloseOutRulesTests {

    private static Outstanding o(String tag, String state, String holder, boolean inTransfer) {
        Reason reason = CloseOutRules.reason(state, null, inTransfer);
        return new Outstanding(
                UUID.randomUUID(),
                tag,
                "t",
                state,
                UUID.randomUUID(),
                holder,
                null,
                reason,
                inTransfer ? UUID.randomUUID() : null,
                inTransfer ? "ISSUE" : null);
    }

    @Test
    void what_a_subcontractor_holds_comes_first_then_the_contractor_then_transfers_then_losses() {
        var lost = o("A-4", "LOST", "Contractor", false);
        var inIssue = o("A-3", "REGISTERED", "Agency", true);
        var withContractor = o("A-1", "WITH_CONTRACTOR", "Contractor", false);
        var withSubB = o("A-9", "WITH_SUBCONTRACTOR", "Sub B", false);
        var withSubA = o("A-8", "WITH_SUBCONTRACTOR", "Sub A", false);

        List<Outstanding> ordered =
                CloseOutRules.inChaseOrder(
                        List.of(lost, inIssue, withContractor, withSubB, withSubA));

        assertThat(ordered).containsExactly(withSubA, withSubB, withContractor, inIssue, lost);
        assertThat(CloseOutRules.article(ordered)).isEqualTo("7");
        assertThat(CloseOutRules.article(List.of(withContractor, lost))).isEqualTo("6");
        assertThat(withSubA.detail()).contains("recover");
    }
}
