package jp.azukari.disposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.custody.domain.ApprovalFacts;
import jp.azukari.custody.domain.ApprovalKind;
import jp.azukari.custody.domain.ApprovalStatus;
import jp.azukari.custody.domain.AssetFacts;
import jp.azukari.custody.domain.ContractStatus;
import jp.azukari.custody.domain.CustodyState;
import jp.azukari.custody.domain.Decision;
import jp.azukari.files.CertificateRules;
import org.junit.jupiter.api.Test;

class DisposalRulesTests {

    static final LocalDate TODAY = LocalDate.of(2030, 1, 10);
    final UUID contract = UUID.randomUUID();
    final UUID contractor = UUID.randomUUID();
    final Actor custodian = new Actor(UUID.randomUUID(), "c", Role.CUSTODIAN, contractor);
    final AssetFacts held =
            new AssetFacts(
                    UUID.randomUUID(), contract, CustodyState.WITH_CONTRACTOR, contractor, false);

    ApprovalFacts dispose(ApprovalStatus status, LocalDate until, Set<UUID> assets) {
        return new ApprovalFacts(
                UUID.randomUUID(),
                contract,
                ApprovalKind.DISPOSE_INSTEAD_OF_RETURN,
                status,
                null,
                assets.isEmpty(),
                assets,
                until);
    }

    String code(Decision o) {
        return o instanceof Decision.Refused r ? r.refusal().code().name() : "GRANTED";
    }

    @Test
    void
            an_approved_unexpired_approval_covering_the_asset_grants_the_disposal_through_its_last_day() {
        var approval = dispose(ApprovalStatus.APPROVED, TODAY, Set.of(held.id()));
        var outcome =
                DisposalRules.decide(
                        custodian, held, ContractStatus.COMPLETED, List.of(approval), TODAY);
        assertThat(outcome).isEqualTo(new Decision.Granted(approval));
    }

    @Test
    void pending_rejected_or_not_covering_approvals_do_not_count_and_lapsed_ones_say_so() {
        var other = Set.of(UUID.randomUUID());
        assertThat(
                        code(
                                DisposalRules.decide(
                                        custodian,
                                        held,
                                        ContractStatus.ACTIVE,
                                        List.of(
                                                dispose(ApprovalStatus.PENDING, TODAY, Set.of()),
                                                dispose(ApprovalStatus.REJECTED, TODAY, Set.of()),
                                                dispose(ApprovalStatus.APPROVED, TODAY, other)),
                                        TODAY)))
                .isEqualTo("DISPOSAL_NOT_APPROVED");
        assertThat(
                        code(
                                DisposalRules.decide(
                                        custodian,
                                        held,
                                        ContractStatus.ACTIVE,
                                        List.of(
                                                dispose(
                                                        ApprovalStatus.APPROVED,
                                                        TODAY.minusDays(1),
                                                        Set.of())),
                                        TODAY)))
                .isEqualTo("DISPOSAL_APPROVAL_EXPIRED");
    }

    @Test
    void only_the_holder_disposes_of_an_asset_with_the_contractor_outside_any_transfer() {
        var approvals = List.of(dispose(ApprovalStatus.APPROVED, TODAY, Set.of()));
        var atSub =
                new AssetFacts(
                        held.id(),
                        contract,
                        CustodyState.WITH_SUBCONTRACTOR,
                        UUID.randomUUID(),
                        false);
        var returned =
                new AssetFacts(
                        held.id(), contract, CustodyState.RETURNED, UUID.randomUUID(), false);
        var moving =
                new AssetFacts(held.id(), contract, CustodyState.WITH_CONTRACTOR, contractor, true);
        var stranger = new Actor(UUID.randomUUID(), "s", Role.CUSTODIAN, UUID.randomUUID());
        var clerk = new Actor(UUID.randomUUID(), "k", Role.CLERK, UUID.randomUUID());
        assertThat(
                        code(
                                DisposalRules.decide(
                                        custodian, atSub, ContractStatus.ACTIVE, approvals, TODAY)))
                .isEqualTo("SUBCONTRACTOR_HOLDS");
        assertThat(
                        code(
                                DisposalRules.decide(
                                        custodian,
                                        returned,
                                        ContractStatus.ACTIVE,
                                        approvals,
                                        TODAY)))
                .isEqualTo("ASSET_NOT_AVAILABLE");
        assertThat(
                        code(
                                DisposalRules.decide(
                                        custodian,
                                        moving,
                                        ContractStatus.ACTIVE,
                                        approvals,
                                        TODAY)))
                .isEqualTo("ALREADY_IN_TRANSFER");
        assertThat(
                        code(
                                DisposalRules.decide(
                                        stranger, held, ContractStatus.ACTIVE, approvals, TODAY)))
                .isEqualTo("NOT_HOLDER");
        assertThat(code(DisposalRules.decide(clerk, held, ContractStatus.ACTIVE, approvals, TODAY)))
                .isEqualTo("ROLE_NOT_PERMITTED");
        assertThat(
                        code(
                                DisposalRules.decide(
                                        custodian, held, ContractStatus.CLOSED, approvals, TODAY)))
                .isEqualTo("CONTRACT_NOT_ACTIVE");
    }

    @Test
    void a_certificate_must_be_a_non_empty_pdf_png_or_jpeg_within_the_limit() {
        byte[] pdf = "%PDF-1.7 x".getBytes();
        assertThat(CertificateRules.check("application/pdf", pdf, 100)).isEmpty();
        assertThat(CertificateRules.check("Application/PDF; name=x", pdf, 100)).isEmpty();
        assertThat(CertificateRules.check("application/pdf", new byte[0], 100))
                .get()
                .extracting(CertificateRules.Finding::problem)
                .isEqualTo(CertificateRules.Problem.EMPTY);
        assertThat(CertificateRules.check("application/pdf", pdf, 5))
                .get()
                .extracting(CertificateRules.Finding::problem)
                .isEqualTo(CertificateRules.Problem.TOO_LARGE);
        assertThat(CertificateRules.check("image/png", pdf, 100))
                .get()
                .extracting(CertificateRules.Finding::problem)
                .isEqualTo(CertificateRules.Problem.CONTENT_MISMATCH);
        assertThat(CertificateRules.check(null, pdf, 100))
                .get()
                .extracting(CertificateRules.Finding::problem)
                .isEqualTo(CertificateRules.Problem.UNSUPPORTED_TYPE);
        assertThat(
                        CertificateRules.check(
                                "image/jpeg",
                                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1},
                                100))
                .isEmpty();
    }
}
