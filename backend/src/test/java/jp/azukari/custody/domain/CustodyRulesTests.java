package jp.azukari.custody.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import jp.azukari.common.Actor;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.core.custody.TransferKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The custody rules without Spring or a database. The expectations are written out as tables below,
 * one per acting role, so every state × transfer kind × role is decided here by hand, not by the
 * code under test.
 */
class CustodyRulesTests {

    static final UUID AGENCY = UUID.randomUUID();
    static final UUID CONTRACTOR = UUID.randomUUID();
    static final UUID SUBCONTRACTOR = UUID.randomUUID();
    static final UUID CONTRACT = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final ContractFacts ACTIVE =
            new ContractFacts(
                    CONTRACT,
                    AGENCY,
                    CONTRACTOR,
                    ContractStatus.ACTIVE,
                    LocalDate.of(2027, 3, 31),
                    null);

    // Columns: REGISTERED WITH_CONTRACTOR WITH_SUBCONTRACTOR RETURNED DISPOSED LOST; "ok" =
    // allowed.
    static final String AGENCY_ADMIN_MANAGER_AUDITOR =
            """
            ISSUE    ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED
            HANDOFF  ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED
            RECOVER  ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED
            RETURN   ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED ROLE_NOT_PERMITTED
            """;
    static final String AGENCY_CLERK =
            """
            ISSUE    ok                  ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE ok                  ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE
            HANDOFF  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED
            RECOVER  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED
            RETURN   ASSET_NOT_AVAILABLE ok                  SUBCONTRACTOR_HOLDS ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE
            """;
    static final String CONTRACTOR_CUSTODIAN =
            """
            ISSUE    ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED
            HANDOFF  ASSET_NOT_AVAILABLE ok                  ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE
            RECOVER  ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE ok                  ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE
            RETURN   ASSET_NOT_AVAILABLE ok                  SUBCONTRACTOR_HOLDS ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE
            """;
    static final String SUBCONTRACTOR_CUSTODIAN =
            """
            ISSUE    ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED  ROLE_NOT_PERMITTED
            HANDOFF  ASSET_NOT_AVAILABLE NOT_HOLDER          ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE
            RECOVER  ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE ok                  ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE
            RETURN   ASSET_NOT_AVAILABLE NOT_HOLDER          SUBCONTRACTOR_HOLDS ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE ASSET_NOT_AVAILABLE
            """;

    static final CustodyState[] COLUMNS = {
        CustodyState.REGISTERED,
        CustodyState.WITH_CONTRACTOR,
        CustodyState.WITH_SUBCONTRACTOR,
        CustodyState.RETURNED,
        CustodyState.DISPOSED,
        CustodyState.LOST
    };

    static Stream<Arguments> everyStateKindAndRole() {
        List<Arguments> cases = new ArrayList<>();
        addTable(cases, actor(Role.ADMIN, AGENCY), AGENCY_ADMIN_MANAGER_AUDITOR);
        addTable(cases, actor(Role.MANAGER, AGENCY), AGENCY_ADMIN_MANAGER_AUDITOR);
        addTable(cases, actor(Role.AUDITOR, AGENCY), AGENCY_ADMIN_MANAGER_AUDITOR);
        addTable(cases, actor(Role.CLERK, AGENCY), AGENCY_CLERK);
        addTable(cases, actor(Role.CUSTODIAN, CONTRACTOR), CONTRACTOR_CUSTODIAN);
        addTable(cases, actor(Role.CUSTODIAN, SUBCONTRACTOR), SUBCONTRACTOR_CUSTODIAN);
        return cases.stream();
    }

    private static void addTable(List<Arguments> cases, Actor actor, String table) {
        for (String line : table.strip().split("\n")) {
            String[] cells = line.trim().split("\\s+");
            TransferKind kind = TransferKind.valueOf(cells[0]);
            for (int i = 0; i < COLUMNS.length; i++) {
                cases.add(Arguments.of(actor, kind, COLUMNS[i], cells[i + 1]));
            }
        }
    }

    @ParameterizedTest(name = "{0} starting {1} of an asset {2} → {3}")
    @MethodSource("everyStateKindAndRole")
    void every_state_kind_and_role_is_decided_as_the_table_says(
            Actor actor, TransferKind kind, CustodyState state, String expected) {
        Decision d =
                CustodyRules.start(
                        request(
                                kind,
                                actor,
                                ACTIVE,
                                approvalFor(ApprovalStatus.APPROVED, TODAY.plusDays(10))),
                        asset(state, holderIn(state), false));
        if (expected.equals("ok")) {
            assertThat(d).isInstanceOf(Decision.Allowed.class);
        } else {
            assertThat(d)
                    .isInstanceOfSatisfying(
                            Decision.Refused.class,
                            r ->
                                    assertThat(r.refusal().code())
                                            .isEqualTo(RefusalCode.valueOf(expected)));
        }
    }

    @Test
    void the_table_covers_every_state_kind_and_acting_role() {
        long agencyRoles = Stream.of(Role.values()).filter(Role::isAgencyRole).count();
        // four agency roles, plus a custodian on each side of a handoff
        assertThat(everyStateKindAndRole().count())
                .isEqualTo(
                        (agencyRoles + 2)
                                * TransferKind.values().length
                                * CustodyState.values().length);
    }

    @Nested
    @DisplayName("a handoff to a subcontractor (art. 4)")
    class Handoff {

        final Actor custodian = actor(Role.CUSTODIAN, CONTRACTOR);
        final AssetFacts held = asset(CustodyState.WITH_CONTRACTOR, CONTRACTOR, false);

        @Test
        void without_an_approval_is_refused_as_approval_required_under_article_4() {
            var r =
                    refusal(
                            CustodyRules.start(
                                    request(TransferKind.HANDOFF, custodian, ACTIVE, null), held));
            assertThat(r.code()).isEqualTo(RefusalCode.APPROVAL_REQUIRED);
            assertThat(r.article()).isEqualTo("4");
        }

        @Test
        void under_a_pending_or_rejected_approval_is_refused() {
            for (ApprovalStatus s : List.of(ApprovalStatus.PENDING, ApprovalStatus.REJECTED)) {
                var r =
                        refusal(
                                CustodyRules.start(
                                        request(
                                                TransferKind.HANDOFF,
                                                custodian,
                                                ACTIVE,
                                                approvalFor(s, TODAY)),
                                        held));
                assertThat(r.code()).isEqualTo(RefusalCode.APPROVAL_REQUIRED);
            }
        }

        @Test
        void
                under_an_approval_that_expired_yesterday_is_refused_as_expired_but_today_is_still_valid() {
            var expired =
                    refusal(
                            CustodyRules.start(
                                    request(
                                            TransferKind.HANDOFF,
                                            custodian,
                                            ACTIVE,
                                            approvalFor(
                                                    ApprovalStatus.APPROVED, TODAY.minusDays(1))),
                                    held));
            assertThat(expired.code()).isEqualTo(RefusalCode.APPROVAL_EXPIRED);
            assertThat(
                            CustodyRules.start(
                                    request(
                                            TransferKind.HANDOFF,
                                            custodian,
                                            ACTIVE,
                                            approvalFor(ApprovalStatus.APPROVED, TODAY)),
                                    held))
                    .isInstanceOf(Decision.Allowed.class);
        }

        @Test
        void under_an_approval_naming_another_subcontractor_is_refused() {
            var other =
                    new ApprovalFacts(
                            UUID.randomUUID(),
                            CONTRACT,
                            ApprovalKind.PROVIDE_TO_SUBCONTRACTOR,
                            ApprovalStatus.APPROVED,
                            UUID.randomUUID(),
                            true,
                            Set.of(),
                            TODAY.plusDays(5));
            assertThat(
                            refusal(
                                            CustodyRules.start(
                                                    request(
                                                            TransferKind.HANDOFF,
                                                            custodian,
                                                            ACTIVE,
                                                            other),
                                                    held))
                                    .code())
                    .isEqualTo(RefusalCode.APPROVAL_REQUIRED);
        }

        @Test
        void under_an_approval_that_lists_other_assets_is_refused() {
            var narrow =
                    new ApprovalFacts(
                            UUID.randomUUID(),
                            CONTRACT,
                            ApprovalKind.PROVIDE_TO_SUBCONTRACTOR,
                            ApprovalStatus.APPROVED,
                            SUBCONTRACTOR,
                            false,
                            Set.of(UUID.randomUUID()),
                            TODAY.plusDays(5));
            assertThat(
                            refusal(
                                            CustodyRules.start(
                                                    request(
                                                            TransferKind.HANDOFF,
                                                            custodian,
                                                            ACTIVE,
                                                            narrow),
                                                    held))
                                    .code())
                    .isEqualTo(RefusalCode.APPROVAL_REQUIRED);
        }

        @Test
        void under_an_approval_of_another_kind_is_refused() {
            var copy =
                    new ApprovalFacts(
                            UUID.randomUUID(),
                            CONTRACT,
                            ApprovalKind.COPY,
                            ApprovalStatus.APPROVED,
                            SUBCONTRACTOR,
                            true,
                            Set.of(),
                            TODAY.plusDays(5));
            assertThat(
                            refusal(
                                            CustodyRules.start(
                                                    request(
                                                            TransferKind.HANDOFF,
                                                            custodian,
                                                            ACTIVE,
                                                            copy),
                                                    held))
                                    .code())
                    .isEqualTo(RefusalCode.APPROVAL_REQUIRED);
        }

        @Test
        void to_a_party_that_is_not_a_subcontractor_is_refused() {
            var req =
                    new StartRequest(
                            TransferKind.HANDOFF,
                            custodian,
                            ACTIVE,
                            AGENCY,
                            PartyKind.AGENCY,
                            approvalFor(ApprovalStatus.APPROVED, TODAY),
                            TODAY);
            assertThat(refusal(CustodyRules.start(req, held)).code())
                    .isEqualTo(RefusalCode.INVALID_RECIPIENT);
        }

        @Test
        void once_confirmed_is_due_at_the_approvals_end_when_that_comes_before_the_contracts() {
            var approval = approvalFor(ApprovalStatus.APPROVED, LocalDate.of(2027, 1, 15));
            Custody c =
                    CustodyRules.afterConfirmation(
                            TransferKind.HANDOFF, ACTIVE, approval, SUBCONTRACTOR);
            assertThat(c)
                    .isEqualTo(
                            new Custody(
                                    CustodyState.WITH_SUBCONTRACTOR,
                                    SUBCONTRACTOR,
                                    LocalDate.of(2027, 1, 15)));
        }
    }

    @Nested
    @DisplayName("the contract's status and open transfers")
    class ContractAndOpenTransfers {

        @Test
        void an_asset_already_in_an_open_transfer_cannot_join_another() {
            var r =
                    refusal(
                            CustodyRules.start(
                                    request(
                                            TransferKind.ISSUE,
                                            actor(Role.CLERK, AGENCY),
                                            ACTIVE,
                                            null),
                                    asset(CustodyState.REGISTERED, AGENCY, true)));
            assertThat(r.code()).isEqualTo(RefusalCode.ALREADY_IN_TRANSFER);
        }

        @Test
        void nothing_is_issued_or_handed_off_under_a_completed_contract_but_returns_still_go() {
            var completed =
                    new ContractFacts(
                            CONTRACT,
                            AGENCY,
                            CONTRACTOR,
                            ContractStatus.COMPLETED,
                            LocalDate.of(2027, 3, 31),
                            TODAY);
            assertThat(
                            refusal(
                                            CustodyRules.start(
                                                    request(
                                                            TransferKind.ISSUE,
                                                            actor(Role.CLERK, AGENCY),
                                                            completed,
                                                            null),
                                                    asset(CustodyState.REGISTERED, AGENCY, false)))
                                    .code())
                    .isEqualTo(RefusalCode.CONTRACT_NOT_ACTIVE);
            assertThat(
                            CustodyRules.start(
                                    request(
                                            TransferKind.RETURN,
                                            actor(Role.CUSTODIAN, CONTRACTOR),
                                            completed,
                                            null),
                                    asset(CustodyState.WITH_CONTRACTOR, CONTRACTOR, false)))
                    .isInstanceOf(Decision.Allowed.class);
        }

        @Test
        void a_completed_contract_makes_everything_due_from_its_completion_day() {
            var completed =
                    new ContractFacts(
                            CONTRACT,
                            AGENCY,
                            CONTRACTOR,
                            ContractStatus.COMPLETED,
                            LocalDate.of(2027, 3, 31),
                            TODAY);
            assertThat(completed.dueOn()).isEqualTo(TODAY);
            assertThat(ACTIVE.dueOn()).isEqualTo(LocalDate.of(2027, 3, 31));
        }

        @Test
        void a_clerk_of_another_agency_cannot_issue_this_contracts_assets() {
            var r =
                    refusal(
                            CustodyRules.start(
                                    request(
                                            TransferKind.ISSUE,
                                            actor(Role.CLERK, UUID.randomUUID()),
                                            ACTIVE,
                                            null),
                                    asset(CustodyState.REGISTERED, AGENCY, false)));
            assertThat(r.code()).isEqualTo(RefusalCode.NOT_HOLDER);
        }

        @Test
        void an_issue_goes_from_the_agency_to_the_contractor_and_nowhere_else() {
            var allowed =
                    (Decision.Allowed)
                            CustodyRules.start(
                                    request(
                                            TransferKind.ISSUE,
                                            actor(Role.CLERK, AGENCY),
                                            ACTIVE,
                                            null),
                                    asset(CustodyState.REGISTERED, AGENCY, false));
            assertThat(allowed).isEqualTo(new Decision.Allowed(AGENCY, CONTRACTOR));
            var elsewhere =
                    new StartRequest(
                            TransferKind.ISSUE,
                            actor(Role.CLERK, AGENCY),
                            ACTIVE,
                            SUBCONTRACTOR,
                            PartyKind.SUBCONTRACTOR,
                            null,
                            TODAY);
            assertThat(
                            refusal(
                                            CustodyRules.start(
                                                    elsewhere,
                                                    asset(CustodyState.REGISTERED, AGENCY, false)))
                                    .code())
                    .isEqualTo(RefusalCode.INVALID_RECIPIENT);
        }
    }

    static Stream<Arguments> everyKindAndConfirmingRole() {
        List<Arguments> cases = new ArrayList<>();
        // receiving party of each kind, and which acting user is its rightful confirmer
        record Receiving(TransferKind kind, UUID to, Actor confirmer) {}
        List<Receiving> receivers =
                List.of(
                        new Receiving(
                                TransferKind.ISSUE, CONTRACTOR, actor(Role.CUSTODIAN, CONTRACTOR)),
                        new Receiving(
                                TransferKind.HANDOFF,
                                SUBCONTRACTOR,
                                actor(Role.CUSTODIAN, SUBCONTRACTOR)),
                        new Receiving(
                                TransferKind.RECOVER,
                                CONTRACTOR,
                                actor(Role.CUSTODIAN, CONTRACTOR)),
                        new Receiving(TransferKind.RETURN, AGENCY, actor(Role.CLERK, AGENCY)));
        List<Actor> everyone =
                List.of(
                        actor(Role.ADMIN, AGENCY),
                        actor(Role.MANAGER, AGENCY),
                        actor(Role.CLERK, AGENCY),
                        actor(Role.AUDITOR, AGENCY),
                        actor(Role.CUSTODIAN, CONTRACTOR),
                        actor(Role.CUSTODIAN, SUBCONTRACTOR));
        for (Receiving r : receivers) {
            for (Actor a : everyone) {
                String expected;
                if (a.role() == r.confirmer().role() && a.partyId().equals(r.to())) {
                    expected = "ok";
                } else if (a.role() != r.confirmer().role()) {
                    expected = "ROLE_NOT_PERMITTED";
                } else {
                    expected = "NOT_RECIPIENT";
                }
                cases.add(Arguments.of(r.kind(), r.to(), a, expected));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{2} confirming a {0} → {3}")
    @MethodSource("everyKindAndConfirmingRole")
    void only_the_receiving_side_confirms(
            TransferKind kind, UUID to, Actor actor, String expected) {
        Decision d =
                CustodyRules.confirm(
                        new ConfirmRequest(
                                kind,
                                actor,
                                TransferStatus.OPEN,
                                to,
                                LineStatus.PENDING,
                                approvalFor(ApprovalStatus.APPROVED, TODAY),
                                TODAY,
                                false,
                                false));
        if (expected.equals("ok")) {
            assertThat(d).isInstanceOf(Decision.Allowed.class);
        } else {
            assertThat(refusal(d).code()).isEqualTo(RefusalCode.valueOf(expected));
        }
    }

    @Nested
    @DisplayName("confirming a line")
    class Confirming {

        final Actor receiver = actor(Role.CUSTODIAN, CONTRACTOR);

        ConfirmRequest line(
                TransferStatus t, LineStatus l, boolean trainingRequired, boolean trained) {
            return new ConfirmRequest(
                    TransferKind.ISSUE,
                    receiver,
                    t,
                    CONTRACTOR,
                    l,
                    null,
                    TODAY,
                    trainingRequired,
                    trained);
        }

        @Test
        void a_line_confirmed_before_is_refused_as_already_confirmed() {
            assertThat(
                            refusal(
                                            CustodyRules.confirm(
                                                    line(
                                                            TransferStatus.OPEN,
                                                            LineStatus.CONFIRMED,
                                                            false,
                                                            false)))
                                    .code())
                    .isEqualTo(RefusalCode.ALREADY_CONFIRMED);
        }

        @Test
        void a_cancelled_or_completed_transfer_confirms_nothing() {
            assertThat(
                            refusal(
                                            CustodyRules.confirm(
                                                    line(
                                                            TransferStatus.CANCELLED,
                                                            LineStatus.CANCELLED,
                                                            false,
                                                            false)))
                                    .code())
                    .isEqualTo(RefusalCode.TRANSFER_NOT_OPEN);
            assertThat(
                            refusal(
                                            CustodyRules.confirm(
                                                    line(
                                                            TransferStatus.COMPLETED,
                                                            LineStatus.CONFIRMED,
                                                            false,
                                                            false)))
                                    .code())
                    .isEqualTo(RefusalCode.TRANSFER_NOT_OPEN);
        }

        @Test
        void when_the_agency_requires_training_an_untrained_custodian_cannot_take_custody() {
            var r =
                    refusal(
                            CustodyRules.confirm(
                                    line(TransferStatus.OPEN, LineStatus.PENDING, true, false)));
            assertThat(r.code()).isEqualTo(RefusalCode.TRAINING_REQUIRED);
            assertThat(r.article()).isEqualTo("3");
            assertThat(
                            CustodyRules.confirm(
                                    line(TransferStatus.OPEN, LineStatus.PENDING, true, true)))
                    .isInstanceOf(Decision.Allowed.class);
        }

        @Test
        void a_handoff_whose_approval_expired_after_it_was_opened_cannot_be_confirmed() {
            var req =
                    new ConfirmRequest(
                            TransferKind.HANDOFF,
                            actor(Role.CUSTODIAN, SUBCONTRACTOR),
                            TransferStatus.OPEN,
                            SUBCONTRACTOR,
                            LineStatus.PENDING,
                            approvalFor(ApprovalStatus.APPROVED, TODAY.minusDays(1)),
                            TODAY,
                            false,
                            false);
            assertThat(refusal(CustodyRules.confirm(req)).code())
                    .isEqualTo(RefusalCode.APPROVAL_EXPIRED);
        }

        @Test
        void a_return_puts_the_asset_back_with_the_agency_and_clears_its_due_date() {
            assertThat(CustodyRules.afterConfirmation(TransferKind.RETURN, ACTIVE, null, AGENCY))
                    .isEqualTo(new Custody(CustodyState.RETURNED, AGENCY, null));
        }
    }

    // ------------------------------------------------------------------ fixtures

    static Actor actor(Role role, UUID party) {
        return new Actor(UUID.randomUUID(), role.name().toLowerCase() + "-user", role, party);
    }

    static UUID holderIn(CustodyState state) {
        return switch (state) {
            case REGISTERED, RETURNED -> AGENCY;
            case WITH_SUBCONTRACTOR -> SUBCONTRACTOR;
            case WITH_CONTRACTOR, DISPOSED, LOST -> CONTRACTOR;
        };
    }

    static AssetFacts asset(CustodyState state, UUID holder, boolean inOpenTransfer) {
        return new AssetFacts(UUID.randomUUID(), CONTRACT, state, holder, inOpenTransfer);
    }

    static ApprovalFacts approvalFor(ApprovalStatus status, LocalDate validUntil) {
        return new ApprovalFacts(
                UUID.randomUUID(),
                CONTRACT,
                ApprovalKind.PROVIDE_TO_SUBCONTRACTOR,
                status,
                SUBCONTRACTOR,
                true,
                Set.of(),
                validUntil);
    }

    static StartRequest request(
            TransferKind kind, Actor actor, ContractFacts contract, ApprovalFacts approval) {
        UUID to = kind == TransferKind.HANDOFF ? SUBCONTRACTOR : null;
        PartyKind toKind = kind == TransferKind.HANDOFF ? PartyKind.SUBCONTRACTOR : null;
        return new StartRequest(kind, actor, contract, to, toKind, approval, TODAY);
    }

    static Refusal refusal(Decision d) {
        assertThat(d).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) d).refusal();
    }
}
