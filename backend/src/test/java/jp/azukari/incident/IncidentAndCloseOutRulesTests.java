package jp.azukari.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import jp.azukari.closeout.CloseOutRules;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.copy.CopyRules;
import jp.azukari.custody.domain.ContractStatus;
import jp.azukari.custody.domain.CustodyState;
import jp.azukari.custody.domain.Decision;
import jp.azukari.incident.IncidentRules.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules once checked inline in the services: incident steps, what can be lost, contract end,
 * bringing back.
 */
class IncidentAndCloseOutRulesTests {

    static String outcome(Decision d) {
        return d instanceof Decision.Refused r ? r.refusal().code().name() : "ok";
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
        "OPEN,          INVESTIGATING, ok",
        "INVESTIGATING, CLOSED,        ok",
        "OPEN,          CLOSED,        INCIDENT_STEP_NOT_ALLOWED",
        "CLOSED,        OPEN,          INCIDENT_STEP_NOT_ALLOWED",
        "INVESTIGATING, OPEN,          INCIDENT_STEP_NOT_ALLOWED",
        "OPEN,          OPEN,          INCIDENT_STEP_NOT_ALLOWED",
    })
    void an_incident_moves_one_step_at_a_time(Status from, Status to, String expected) {
        assertThat(outcome(IncidentRules.move(from, to))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "instructions on a {0} incident: {1}")
    @CsvSource({"OPEN, ok", "INVESTIGATING, ok", "CLOSED, INCIDENT_CLOSED"})
    void instructions_need_an_incident_that_is_not_closed(Status status, String expected) {
        assertThat(outcome(IncidentRules.instruct(status))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a {0} asset, in an open transfer: {1}, is lost: {2}")
    @CsvSource({
        "WITH_CONTRACTOR,    false, ok",
        "WITH_SUBCONTRACTOR, false, ok",
        "REGISTERED,         false, ok",
        "RETURNED,           false, ok",
        "WITH_CONTRACTOR,    true,  ALREADY_IN_TRANSFER",
        "DISPOSED,           false, ASSET_NOT_AVAILABLE",
        "LOST,               true,  ASSET_NOT_AVAILABLE",
    })
    void only_an_asset_someone_holds_and_not_in_transfer_can_be_reported_lost(
            CustodyState state, boolean inTransfer, String expected) {
        assertThat(outcome(IncidentRules.markLost("A-2031-000001", state, inTransfer)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "a {0} contract is completed: {1}, closed: {2}")
    @CsvSource({
        "ACTIVE,    ok,                  CONTRACT_NOT_COMPLETED",
        "COMPLETED, CONTRACT_NOT_ACTIVE, ok",
        "CLOSED,    CONTRACT_NOT_ACTIVE, CONTRACT_NOT_COMPLETED",
    })
    void a_contract_is_completed_while_active_and_closed_once_completed(
            ContractStatus status, String complete, String close) {
        assertThat(outcome(CloseOutRules.complete("C-1", status))).isEqualTo(complete);
        assertThat(outcome(CloseOutRules.close("C-1", status))).isEqualTo(close);
    }

    @ParameterizedTest(name = "{0} of the party that took it out: {1}, already back: {2} → {3}")
    @CsvSource({
        "CUSTODIAN, true,  false, ok",
        "CUSTODIAN, true,  true,  ALREADY_BROUGHT_BACK",
        "CUSTODIAN, false, false, ROLE_NOT_PERMITTED",
        "CLERK,     true,  false, ROLE_NOT_PERMITTED",
        "MANAGER,   true,  true,  ROLE_NOT_PERMITTED",
    })
    void the_custodian_who_took_an_asset_out_brings_it_back_once(
            Role role, boolean sameParty, boolean back, String expected) {
        UUID party = UUID.randomUUID();
        Actor actor =
                new Actor(UUID.randomUUID(), "u", role, sameParty ? party : UUID.randomUUID());
        assertThat(outcome(CopyRules.bringBack(actor, party, back))).isEqualTo(expected);
    }
}
