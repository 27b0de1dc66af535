package jp.azukari.custody.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may cancel an open transfer, and who may close one with its pending lines missing. */
class EndingTransferRulesTests {

    static final UUID SENDER = UUID.randomUUID();
    static final UUID RECEIVER = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();

    static UUID party(String which) {
        return switch (which) {
            case "sender" -> SENDER;
            case "receiver" -> RECEIVER;
            default -> OTHER;
        };
    }

    static String outcome(Decision d) {
        return d instanceof Decision.Refused r ? r.refusal().code().name() : "ok";
    }

    @ParameterizedTest(name = "{0} of the {1} cancels an {2} transfer: {3}")
    @CsvSource({
        "CUSTODIAN, sender,   OPEN,      ok",
        "CLERK,     sender,   OPEN,      ok",
        "MANAGER,   other,    OPEN,      ok",
        "CUSTODIAN, receiver, OPEN,      ROLE_NOT_PERMITTED",
        "CLERK,     receiver, OPEN,      ROLE_NOT_PERMITTED",
        "AUDITOR,   sender,   OPEN,      ROLE_NOT_PERMITTED",
        "ADMIN,     sender,   OPEN,      ROLE_NOT_PERMITTED",
        "CUSTODIAN, sender,   COMPLETED, TRANSFER_NOT_OPEN",
        "MANAGER,   other,    CANCELLED, TRANSFER_NOT_OPEN",
        "AUDITOR,   other,    COMPLETED, ROLE_NOT_PERMITTED",
    })
    void cancelling(Role role, String side, TransferStatus status, String expected) {
        Actor actor = new Actor(UUID.randomUUID(), "u", role, party(side));
        assertThat(outcome(CustodyRules.cancel(actor, SENDER, status))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} of the {1} closes an {2} transfer with missing lines: {3}")
    @CsvSource({
        "CUSTODIAN, sender,   OPEN,      ok",
        "CUSTODIAN, receiver, OPEN,      ok",
        "CLERK,     receiver, OPEN,      ok",
        "MANAGER,   other,    OPEN,      ok",
        "CUSTODIAN, other,    OPEN,      ROLE_NOT_PERMITTED",
        "AUDITOR,   receiver, OPEN,      ROLE_NOT_PERMITTED",
        "ADMIN,     sender,   OPEN,      ROLE_NOT_PERMITTED",
        "CLERK,     receiver, COMPLETED, TRANSFER_NOT_OPEN",
        "MANAGER,   other,    CANCELLED, TRANSFER_NOT_OPEN",
    })
    void closingWithMissingLines(Role role, String side, TransferStatus status, String expected) {
        Actor actor = new Actor(UUID.randomUUID(), "u", role, party(side));
        assertThat(outcome(CustodyRules.closeWithMissing(actor, SENDER, RECEIVER, status)))
                .isEqualTo(expected);
    }
}
