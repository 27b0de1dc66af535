package jp.azukari.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.custody.domain.RefusalCode;
import jp.azukari.support.ApiTestSupport.TestUser;
import jp.azukari.support.ClockedApiTestSupport;
import jp.azukari.support.ContractEndActions;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Walks every refusal the API can give — each {@link RefusalCode} and the other kinds of problem
 * (not found, invalid request or field, each conflict, forbidden, unauthorized) — and compares what
 * each answers (status, {@code type}, {@code code}, {@code article}, the names of the body's
 * members) with {@code src/test/resources/golden/problem-answers.txt}. The file is the contract: a
 * refactoring that changes an answer fails here. {@code -Dgolden.write=true} rewrites the file from
 * what the code answers now (review the diff).
 */
class ProblemAnswersTests extends ClockedApiTestSupport {

    static final Path GOLDEN = Path.of("src/test/resources/golden/problem-answers.txt");
    static final LocalDate TODAY = LocalDate.of(2032, 3, 10);
    static final ObjectMapper JSON = new ObjectMapper();

    /** Conflicts over a name, number or key already taken: not a rule's refusal, no code. */
    static final Set<String> UNIQUENESS =
            Set.of(
                    "duplicate-contract-number",
                    "username-taken",
                    "party-name-taken",
                    "key-not-retirable",
                    "self-lockout",
                    "approval-already-decided",
                    "request-in-progress");

    private final Map<String, String> answers = new LinkedHashMap<>();

    @Test
    void every_refusal_answers_as_the_golden_file_says_and_every_rule_refusal_carries_its_code()
            throws IOException {
        clock.setDay(TODAY);
        walkCustody();
        walkContractEnd();
        walkOthers();

        String actual =
                answers.entrySet().stream()
                                .map(e -> e.getKey() + " | " + e.getValue())
                                .collect(Collectors.joining("\n"))
                        + "\n";
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        Set<String> codes =
                answers.values().stream()
                        .map(line -> line.split(" \\| ")[2])
                        .collect(Collectors.toCollection(TreeSet::new));
        Set<String> all =
                EnumSet.allOf(RefusalCode.class).stream()
                        .map(Enum::name)
                        .collect(Collectors.toCollection(TreeSet::new));
        assertThat(codes).as("every refusal code is walked").containsAll(all);

        // a refusal (403, 422, and 409 but for taken names and keys) says which rule refused
        assertThat(answers)
                .allSatisfy(
                        (name, line) -> {
                            String[] f = line.split(" \\| ");
                            boolean refusal =
                                    f[0].equals("403")
                                            || f[0].equals("422")
                                            || f[0].equals("409") && !UNIQUENESS.contains(f[1]);
                            if (refusal) {
                                assertThat(f[2])
                                        .as(name + " answers with a code")
                                        .isNotEqualTo("-");
                            }
                        });

        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ custody

    private void walkCustody() {
        var w = new CustodyWorld(this).withContract(TODAY.minusMonths(2), TODAY.plusMonths(2));
        List<UUID> a = w.registerAssets(12).stream().map(Asset::id).toList();

        record(
                "open.role-not-permitted",
                as(w.auditor)
                        .post()
                        .uri("/api/v1/transfers")
                        .bodyValue(open("ISSUE", List.of(a.get(0)))));
        record(
                "open.asset-not-visible",
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/transfers")
                        .bodyValue(open("RETURN", List.of(a.get(0)))));
        var otherAgencyClerk = user(Role.CLERK, party(unique("other agency"), PartyKind.AGENCY));
        record(
                "open.not-holder",
                as(otherAgencyClerk)
                        .post()
                        .uri("/api/v1/transfers")
                        .bodyValue(open("ISSUE", List.of(a.get(0)))));
        record(
                "open.invalid-recipient",
                as(w.clerk)
                        .post()
                        .uri("/api/v1/transfers")
                        .bodyValue(
                                Map.of(
                                        "kind",
                                        "ISSUE",
                                        "assetIds",
                                        List.of(a.get(0)),
                                        "toPartyId",
                                        w.subcontractor)));
        record(
                "open.no-assets",
                as(w.clerk).post().uri("/api/v1/transfers").bodyValue(open("ISSUE", List.of())));
        record(
                "open.unknown-asset",
                as(w.clerk)
                        .post()
                        .uri("/api/v1/transfers")
                        .bodyValue(open("ISSUE", List.of(UUID.randomUUID()))));
        record(
                "open.bad-kind",
                as(w.clerk)
                        .post()
                        .uri("/api/v1/transfers")
                        .bodyValue(Map.of("kind", "LEND", "assetIds", List.of(a.get(0)))));
        record(
                "open.malformed-json",
                as(w.clerk)
                        .post()
                        .uri("/api/v1/transfers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"kind\":"));

        var issue = w.open(w.clerk, "ISSUE", null, null, List.of(a.get(0), a.get(1)));
        record(
                "open.already-in-transfer",
                as(w.clerk)
                        .post()
                        .uri("/api/v1/transfers")
                        .bodyValue(open("ISSUE", List.of(a.get(0)))));
        record("confirm.role-not-permitted", confirm(w.clerk, issue.id(), a.get(0)));
        var otherContractor = user(Role.CUSTODIAN, party(unique("other"), PartyKind.CONTRACTOR));
        record("confirm.not-visible", confirm(otherContractor, issue.id(), a.get(0)));
        record("confirm.unknown-transfer", confirm(w.subCustodian, UUID.randomUUID(), a.get(0)));
        record("confirm.not-on-transfer", confirm(w.contractorCustodian, issue.id(), a.get(5)));
        w.confirm(w.contractorCustodian, issue.id(), List.of(a.get(0)));
        record("confirm.already-confirmed", confirm(w.contractorCustodian, issue.id(), a.get(0)));
        record(
                "cancel.forbidden",
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/transfers/{id}/cancel", issue.id())
                        .bodyValue(Map.of()));
        w.confirm(w.contractorCustodian, issue.id(), List.of(a.get(1)));
        record("confirm.transfer-not-open", confirm(w.contractorCustodian, issue.id(), a.get(1)));
        record(
                "cancel.transfer-not-open",
                as(w.clerk)
                        .post()
                        .uri("/api/v1/transfers/{id}/cancel", issue.id())
                        .bodyValue(Map.of()));
        record(
                "close-missing.transfer-not-open",
                as(w.clerk)
                        .post()
                        .uri("/api/v1/transfers/{id}/close-missing", issue.id())
                        .bodyValue(Map.of()));
        record(
                "transfer.not-found",
                as(w.clerk).get().uri("/api/v1/transfers/{id}", UUID.randomUUID()));
        record(
                "open.asset-not-available",
                as(w.clerk)
                        .post()
                        .uri("/api/v1/transfers")
                        .bodyValue(open("ISSUE", List.of(a.get(0)))));

        // a confirmation the other party was not meant to make
        var issue2 = w.open(w.clerk, "ISSUE", null, null, List.of(a.get(2)));
        var strangerAtAgency = user(Role.CUSTODIAN, w.agency);
        record("confirm.not-recipient", confirm(strangerAtAgency, issue2.id(), a.get(2)));
        w.confirm(w.contractorCustodian, issue2.id(), List.of(a.get(2)));
        record(
                "close-missing.forbidden",
                as(w.auditor)
                        .post()
                        .uri("/api/v1/transfers/{id}/close-missing", issue2.id())
                        .bodyValue(Map.of()));

        // handing off: without, with a lapsed approval, and returning what a subcontractor holds
        record(
                "handoff.approval-required",
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/transfers")
                        .bodyValue(
                                Map.of(
                                        "kind",
                                        "HANDOFF",
                                        "assetIds",
                                        List.of(a.get(0)),
                                        "toPartyId",
                                        w.subcontractor)));
        UUID lapsing = w.approveHandoff(List.of(a.get(1), a.get(2)), TODAY);
        UUID approval = w.approveHandoff(List.of(a.get(0)), TODAY.plusDays(20));
        var handoff =
                w.open(
                        w.contractorCustodian,
                        "HANDOFF",
                        w.subcontractor,
                        approval,
                        List.of(a.get(0)));
        w.confirm(w.subCustodian, handoff.id(), List.of(a.get(0)));
        record(
                "return.subcontractor-holds",
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/transfers")
                        .bodyValue(open("RETURN", List.of(a.get(0)))));
        var lateHandoff =
                w.open(
                        w.contractorCustodian,
                        "HANDOFF",
                        w.subcontractor,
                        lapsing,
                        List.of(a.get(1)));
        clock.setDay(TODAY.plusDays(1));
        record(
                "handoff.approval-expired",
                as(fresh(w.contractorCustodian))
                        .post()
                        .uri("/api/v1/transfers")
                        .bodyValue(
                                Map.of(
                                        "kind",
                                        "HANDOFF",
                                        "assetIds",
                                        List.of(a.get(2)),
                                        "toPartyId",
                                        w.subcontractor,
                                        "approvalId",
                                        lapsing)));
        record(
                "handoff-confirm.approval-expired",
                confirm(fresh(w.subCustodian), lateHandoff.id(), a.get(1)));
        clock.setDay(TODAY);

        // training
        var admin = user(Role.ADMIN, w.agency);
        var issue3 = w.open(w.clerk, "ISSUE", null, null, List.of(a.get(3)));
        as(admin)
                .put()
                .uri("/api/v1/settings/training")
                .bodyValue(Map.of("required", true))
                .exchange()
                .expectStatus()
                .isOk();
        try {
            record(
                    "confirm.training-required",
                    confirm(w.contractorCustodian, issue3.id(), a.get(3)));
        } finally {
            as(admin)
                    .put()
                    .uri("/api/v1/settings/training")
                    .bodyValue(Map.of("required", false))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        // handling requirements not acknowledged, or acknowledged for another transfer (art. 2.2)
        UUID handled = w.registerAssets(1).get(0).id();
        var handling = w.open(w.clerk, "ISSUE", null, null, List.of(handled));
        record(
                "confirm.handling-not-acknowledged",
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/transfers/{id}/confirm", handling.id())
                        .bodyValue(Map.of("assetIds", List.of(handled))));
        record(
                "confirm.handling-ack-mismatch",
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/transfers/{id}/confirm", handling.id())
                        .bodyValue(
                                Map.of(
                                        "assetIds",
                                        List.of(handled),
                                        "handlingAcknowledgement",
                                        "0".repeat(64))));
        record(
                "training.forbidden",
                as(w.manager)
                        .put()
                        .uri("/api/v1/settings/training")
                        .bodyValue(Map.of("required", true)));

        // copies and take-outs (art. 2.3)
        var steps = new ContractEndActions(this, w);
        w.confirm(w.contractorCustodian, issue3.id(), List.of(a.get(3)));
        UUID held = a.get(3);
        record(
                "copy.not-approved",
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/assets/{id}/copies", held)
                        .bodyValue(Map.of()));
        record(
                "copy.role-not-permitted",
                as(w.clerk).post().uri("/api/v1/assets/{id}/copies", held).bodyValue(Map.of()));
        record(
                "copy.bad-count",
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/assets/{id}/copies", held)
                        .bodyValue(Map.of("count", 0)));
        record(
                "take-out.not-approved",
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/assets/{id}/take-outs", held)
                        .bodyValue(Map.of("destination", "顧客先")));
        steps.approve(w.contractorCustodian, w.manager, "COPY", List.of(held), TODAY);
        UUID takeOut =
                steps.approve(w.contractorCustodian, w.manager, "TAKE_OUT", List.of(held), TODAY);
        clock.setDay(TODAY.plusDays(1));
        record(
                "copy.approval-expired",
                as(fresh(w.contractorCustodian))
                        .post()
                        .uri("/api/v1/assets/{id}/copies", held)
                        .bodyValue(Map.of()));
        record(
                "take-out.approval-expired",
                as(fresh(w.contractorCustodian))
                        .post()
                        .uri("/api/v1/assets/{id}/take-outs", held)
                        .bodyValue(Map.of("destination", "顧客先")));
        clock.setDay(TODAY);
        Map<?, ?> out =
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/assets/{id}/take-outs", held)
                        .bodyValue(Map.of("destination", "顧客先", "approvalId", takeOut))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        record(
                "take-out.already-out",
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/assets/{id}/take-outs", held)
                        .bodyValue(Map.of("destination", "別所")));
        record(
                "bring-back.not-visible",
                as(w.subCustodian)
                        .post()
                        .uri("/api/v1/take-outs/{id}/bring-back", out.get("id"))
                        .bodyValue(Map.of()));
        var colleague = user(Role.CLERK, w.agency);
        record(
                "bring-back.forbidden",
                as(colleague)
                        .post()
                        .uri("/api/v1/take-outs/{id}/bring-back", out.get("id"))
                        .bodyValue(Map.of()));
        as(w.contractorCustodian)
                .post()
                .uri("/api/v1/take-outs/{id}/bring-back", out.get("id"))
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isOk();
        record(
                "bring-back.already-brought-back",
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/take-outs/{id}/bring-back", out.get("id"))
                        .bodyValue(Map.of()));

        // disposal (art. 6, 7)
        record(
                "disposal.not-approved",
                steps.dispose(
                        w.contractorCustodian,
                        held,
                        TODAY,
                        ContractEndActions.pdf("x"),
                        MediaType.APPLICATION_PDF));
        record(
                "disposal.subcontractor-holds",
                steps.dispose(
                        w.subCustodian,
                        a.get(0),
                        TODAY,
                        ContractEndActions.pdf("x"),
                        MediaType.APPLICATION_PDF));
        record(
                "disposal.role-not-permitted",
                steps.dispose(
                        w.clerk,
                        held,
                        TODAY,
                        ContractEndActions.pdf("x"),
                        MediaType.APPLICATION_PDF));
        steps.approve(
                w.contractorCustodian,
                w.manager,
                "DISPOSE_INSTEAD_OF_RETURN",
                List.of(a.get(4)),
                TODAY);
        var issue4 = w.open(w.clerk, "ISSUE", null, null, List.of(a.get(4), a.get(7), a.get(9)));
        w.confirm(w.contractorCustodian, issue4.id(), List.of(a.get(4), a.get(7), a.get(9)));
        var returned = w.open(w.contractorCustodian, "RETURN", null, null, List.of(a.get(9)));
        w.confirm(w.clerk, returned.id(), List.of(a.get(9)));
        record(
                "disposal.asset-not-available",
                steps.dispose(
                        w.contractorCustodian,
                        a.get(9),
                        TODAY,
                        ContractEndActions.pdf("x"),
                        MediaType.APPLICATION_PDF));
        record(
                "disposal.future-date",
                steps.dispose(
                        w.contractorCustodian,
                        a.get(4),
                        TODAY.plusDays(1),
                        ContractEndActions.pdf("x"),
                        MediaType.APPLICATION_PDF));
        record(
                "disposal.empty-certificate",
                steps.dispose(
                        w.contractorCustodian,
                        a.get(4),
                        TODAY,
                        new byte[0],
                        MediaType.APPLICATION_PDF));
        record(
                "disposal.wrong-certificate-type",
                steps.dispose(
                        w.contractorCustodian,
                        a.get(4),
                        TODAY,
                        "text".getBytes(),
                        MediaType.TEXT_PLAIN));
        record(
                "disposal.not-a-pdf",
                steps.dispose(
                        w.contractorCustodian,
                        a.get(4),
                        TODAY,
                        "GIF89a....".getBytes(),
                        MediaType.APPLICATION_PDF));
        var pendingReturn = w.open(w.contractorCustodian, "RETURN", null, null, List.of(a.get(7)));
        record(
                "disposal.already-in-transfer",
                steps.dispose(
                        w.contractorCustodian,
                        a.get(7),
                        TODAY,
                        ContractEndActions.pdf("x"),
                        MediaType.APPLICATION_PDF));
        clock.setDay(TODAY.plusDays(1));
        record(
                "disposal.approval-expired",
                steps.dispose(
                        fresh(w.contractorCustodian),
                        a.get(4),
                        TODAY.plusDays(1),
                        ContractEndActions.pdf("x"),
                        MediaType.APPLICATION_PDF));
        clock.setDay(TODAY);

        // incidents
        record(
                "incident.in-open-transfer",
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/incidents")
                        .bodyValue(incident(a.get(7))));
        as(w.contractorCustodian)
                .post()
                .uri("/api/v1/incidents")
                .bodyValue(incident(a.get(9)))
                .exchange()
                .expectStatus()
                .isCreated();
        record(
                "incident.not-held",
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/incidents")
                        .bodyValue(incident(a.get(9))));
        record(
                "incident.forbidden",
                as(w.auditor).post().uri("/api/v1/incidents").bodyValue(incident(a.get(8))));
        record(
                "incident.not-found",
                as(w.manager).get().uri("/api/v1/incidents/{id}", UUID.randomUUID()));
        as(w.contractorCustodian)
                .post()
                .uri("/api/v1/transfers/{id}/cancel", pendingReturn.id())
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isOk();
        Map<?, ?> leak =
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/incidents")
                        .bodyValue(
                                Map.of(
                                        "kind",
                                        "SUSPECTED_LEAK",
                                        "assetIds",
                                        List.of(a.get(7)),
                                        "occurredAt",
                                        clock.instant().minusSeconds(60).toString(),
                                        "description",
                                        "誤送信の疑い"))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        record(
                "incident.skips-a-step",
                as(w.manager)
                        .post()
                        .uri("/api/v1/incidents/{id}/status", leak.get("id"))
                        .bodyValue(Map.of("status", "CLOSED")));
        as(w.manager)
                .post()
                .uri("/api/v1/incidents/{id}/status", leak.get("id"))
                .bodyValue(Map.of("status", "INVESTIGATING"))
                .exchange()
                .expectStatus()
                .isOk();
        as(w.manager)
                .post()
                .uri("/api/v1/incidents/{id}/status", leak.get("id"))
                .bodyValue(Map.of("status", "CLOSED", "note", "確認済"))
                .exchange()
                .expectStatus()
                .isOk();
        record(
                "incident.closed",
                as(w.manager)
                        .post()
                        .uri("/api/v1/incidents/{id}/status", leak.get("id"))
                        .bodyValue(Map.of("status", "OPEN")));
        record(
                "incident.instructions-closed",
                as(w.manager)
                        .post()
                        .uri("/api/v1/incidents/{id}/instructions", leak.get("id"))
                        .bodyValue(Map.of("text", "再発防止策を報告")));
    }

    // ------------------------------------------------------------------ contract end

    private void walkContractEnd() {
        var w = new CustodyWorld(this).withContract(TODAY.minusMonths(2), TODAY.plusMonths(2));
        List<UUID> a = w.registerAssets(2).stream().map(Asset::id).toList();
        record(
                "close.not-completed",
                as(w.manager).post().uri("/api/v1/contracts/{id}/close", w.contractId));
        record(
                "complete.future-date",
                as(w.manager)
                        .post()
                        .uri("/api/v1/contracts/{id}/complete", w.contractId)
                        .bodyValue(Map.of("completedOn", TODAY.plusDays(3).toString())));
        w.issue(List.of(a.get(0)));
        as(w.manager)
                .post()
                .uri("/api/v1/contracts/{id}/complete", w.contractId)
                .exchange()
                .expectStatus()
                .isOk();
        record(
                "complete.not-active",
                as(w.manager).post().uri("/api/v1/contracts/{id}/complete", w.contractId));
        record(
                "issue.contract-not-active",
                as(w.clerk)
                        .post()
                        .uri("/api/v1/transfers")
                        .bodyValue(open("ISSUE", List.of(a.get(1)))));
        record(
                "close.outstanding-assets",
                as(w.manager).post().uri("/api/v1/contracts/{id}/close", w.contractId));
        record(
                "close.not-found",
                as(w.manager).post().uri("/api/v1/contracts/{id}/close", UUID.randomUUID()));
        record(
                "report.not-found",
                as(w.manager)
                        .get()
                        .uri("/api/v1/contracts/{id}/report", UUID.randomUUID())
                        .accept(MediaType.APPLICATION_JSON));
    }

    // ------------------------------------------------------------------ everything else

    private void walkOthers() {
        var w = new CustodyWorld(this).withContract(TODAY.minusMonths(2), TODAY.plusMonths(2));
        UUID asset = w.registerAssets(1).get(0).id();
        var admin = user(Role.ADMIN, w.agency);

        record("unauthorized.no-token", http().get().uri("/api/v1/users/me"));
        record(
                "unauthorized.bad-token",
                http().get().uri("/api/v1/users/me").header("Authorization", "Bearer not-a-token"));
        record(
                "sign-in.invalid-credentials",
                http().post()
                        .uri("/api/v1/auth/token")
                        .bodyValue(
                                Map.of(
                                        "username",
                                        "nobody-" + UUID.randomUUID(),
                                        "password",
                                        "wrong-password")));
        record(
                "refresh.invalid",
                http().post()
                        .uri("/api/v1/auth/refresh")
                        .bodyValue(Map.of("refreshToken", "AAAA")));
        record(
                "sign-in.missing-field",
                http().post().uri("/api/v1/auth/token").bodyValue(Map.of("username", "x")));

        record(
                "contract.forbidden",
                as(w.clerk)
                        .post()
                        .uri("/api/v1/contracts")
                        .bodyValue(contract(w.contractor, "2032-01-01", "2032-12-31")));
        record(
                "contract.ends-before-start",
                as(w.manager)
                        .post()
                        .uri("/api/v1/contracts")
                        .bodyValue(contract(w.contractor, "2032-12-31", "2032-01-01")));
        record(
                "contract.not-a-contractor",
                as(w.manager)
                        .post()
                        .uri("/api/v1/contracts")
                        .bodyValue(contract(w.subcontractor, "2032-01-01", "2032-12-31")));
        Map<String, Object> dup = contract(w.contractor, "2032-01-01", "2032-12-31");
        dup.put("number", w.contractNumber);
        record(
                "contract.duplicate-number",
                as(w.manager).post().uri("/api/v1/contracts").bodyValue(dup));
        record(
                "contract.not-found",
                as(w.manager).get().uri("/api/v1/contracts/{id}", UUID.randomUUID()));
        record("contract.bad-id", as(w.manager).get().uri("/api/v1/contracts/not-a-uuid"));

        record(
                "asset.forbidden",
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/contracts/{id}/assets", w.contractId)
                        .bodyValue(
                                Map.of(
                                        "assets",
                                        List.of(
                                                Map.of(
                                                        "kind",
                                                        "DOCUMENT",
                                                        "title",
                                                        "x",
                                                        "sensitivity",
                                                        "CONFIDENTIAL")))));
        record(
                "asset.duplicate-tag-in-request",
                as(w.clerk)
                        .post()
                        .uri("/api/v1/contracts/{id}/assets", w.contractId)
                        .bodyValue(
                                Map.of(
                                        "assets",
                                        List.of(
                                                Map.of(
                                                        "kind",
                                                        "DOCUMENT",
                                                        "title",
                                                        "x",
                                                        "sensitivity",
                                                        "CONFIDENTIAL",
                                                        "tag",
                                                        "A-2032-900001"),
                                                Map.of(
                                                        "kind",
                                                        "DOCUMENT",
                                                        "title",
                                                        "y",
                                                        "sensitivity",
                                                        "CONFIDENTIAL",
                                                        "tag",
                                                        "A-2032-900001")))));
        record(
                "asset.not-found",
                as(w.manager).get().uri("/api/v1/assets/{id}", UUID.randomUUID()));
        record(
                "asset.invalid-field",
                as(w.clerk)
                        .post()
                        .uri("/api/v1/contracts/{id}/assets", w.contractId)
                        .bodyValue(
                                Map.of(
                                        "assets",
                                        List.of(
                                                Map.of(
                                                        "kind",
                                                        "DOCUMENT",
                                                        "sensitivity",
                                                        "CONFIDENTIAL")))));
        record(
                "asset.not-visible",
                as(user(Role.CUSTODIAN, w.subcontractor)).get().uri("/api/v1/assets/{id}", asset));

        record(
                "approval.forbidden",
                as(w.clerk)
                        .post()
                        .uri("/api/v1/approvals")
                        .bodyValue(
                                Map.of(
                                        "contractId",
                                        w.contractId,
                                        "kind",
                                        "COPY",
                                        "assetIds",
                                        List.of(asset),
                                        "validUntil",
                                        TODAY.plusDays(3).toString(),
                                        "reason",
                                        "x")));
        record(
                "approval.past-valid-until",
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/approvals")
                        .bodyValue(
                                Map.of(
                                        "contractId",
                                        w.contractId,
                                        "kind",
                                        "COPY",
                                        "assetIds",
                                        List.of(asset),
                                        "validUntil",
                                        TODAY.minusDays(3).toString(),
                                        "reason",
                                        "x")));
        UUID approval =
                new ContractEndActions(this, w)
                        .approve(
                                w.contractorCustodian,
                                w.manager,
                                "COPY",
                                List.of(asset),
                                TODAY.plusDays(3));
        record(
                "approval.already-decided",
                as(w.manager)
                        .post()
                        .uri("/api/v1/approvals/{id}/decision", approval)
                        .bodyValue(Map.of("decision", "REJECTED")));
        record(
                "approval.decide-forbidden",
                as(w.clerk)
                        .post()
                        .uri("/api/v1/approvals/{id}/decision", approval)
                        .bodyValue(Map.of("decision", "REJECTED")));
        record(
                "approval.not-found",
                as(w.manager).get().uri("/api/v1/approvals/{id}", UUID.randomUUID()));
        Map<?, ?> own =
                as(w.manager)
                        .post()
                        .uri("/api/v1/approvals")
                        .bodyValue(
                                Map.of(
                                        "contractId",
                                        w.contractId,
                                        "kind",
                                        "COPY",
                                        "assetIds",
                                        List.of(asset),
                                        "validUntil",
                                        TODAY.plusDays(3).toString(),
                                        "reason",
                                        "x"))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        record(
                "approval.self-approval",
                as(w.manager)
                        .post()
                        .uri("/api/v1/approvals/{id}/decision", own.get("id"))
                        .bodyValue(Map.of("decision", "APPROVED")));

        record("user.not-found", as(admin).get().uri("/api/v1/users/{id}", UUID.randomUUID()));
        record(
                "user.username-taken",
                as(admin)
                        .post()
                        .uri("/api/v1/users")
                        .bodyValue(
                                Map.of(
                                        "username",
                                        w.clerk.username(),
                                        "displayName",
                                        "x",
                                        "partyId",
                                        w.agency,
                                        "role",
                                        "CLERK",
                                        "password",
                                        "a-long-enough-password-1")));
        record(
                "user.self-lockout",
                as(admin)
                        .patch()
                        .uri("/api/v1/users/{id}", admin.id())
                        .bodyValue(Map.of("active", false)));
        record(
                "user.changes-nothing",
                as(admin).patch().uri("/api/v1/users/{id}", w.clerk.id()).bodyValue(Map.of()));
        record("user.forbidden", as(w.clerk).get().uri("/api/v1/users"));

        as(admin)
                .post()
                .uri("/api/v1/parties")
                .bodyValue(Map.of("name", "dup-" + w.contractNumber, "kind", "CONTRACTOR"))
                .exchange()
                .expectStatus()
                .isCreated();
        record(
                "party.name-taken",
                as(admin)
                        .post()
                        .uri("/api/v1/parties")
                        .bodyValue(
                                Map.of("name", "dup-" + w.contractNumber, "kind", "CONTRACTOR")));
        record("party.not-found", as(admin).get().uri("/api/v1/parties/{id}", UUID.randomUUID()));

        record("label.keys-forbidden", as(w.clerk).get().uri("/api/v1/labels/keys"));
        record("label.rotate-forbidden", as(w.manager).post().uri("/api/v1/labels/keys"));
        record(
                "label.retire-not-retirable",
                as(admin).post().uri("/api/v1/labels/keys/{id}/retire", "ZZZZ"));
        record(
                "label.resolve-unknown",
                as(w.clerk)
                        .get()
                        .uri(
                                "/api/v1/labels/resolve?payload={p}",
                                "AZ1:ZZZZ:A-2032-000001:MFRGGZDFMZTWQ2LK"));
        record(
                "label.resolve-malformed",
                as(w.clerk).get().uri("/api/v1/labels/resolve?payload={p}", "hello"));
        record(
                "label.pdf-empty",
                as(w.clerk)
                        .post()
                        .uri("/api/v1/labels/pdf")
                        .bodyValue(Map.of("assetIds", List.of(), "layout", "A4_24")));
        record("ledger.verify-forbidden", as(w.clerk).get().uri("/api/v1/ledger/verify"));
        record(
                "overdue.custodian-forbidden",
                as(w.contractorCustodian)
                        .get()
                        .uri("/api/v1/reports/overdue?asOf={d}&holderPartyId={p}", TODAY, w.agency)
                        .accept(MediaType.APPLICATION_JSON));
        record(
                "scans.empty",
                as(w.contractorCustodian)
                        .post()
                        .uri("/api/v1/scans")
                        .bodyValue(Map.of("scans", List.of())));
        record("route.unknown", as(w.clerk).get().uri("/api/v1/no-such-thing"));
        record("method.not-allowed", as(w.clerk).delete().uri("/api/v1/contracts"));
    }

    // ------------------------------------------------------------------ recording

    private void record(String name, WebTestClient.RequestHeadersSpec<?> request) {
        record(name, request.exchange());
    }

    private void record(String name, WebTestClient.ResponseSpec response) {
        EntityExchangeResult<byte[]> r = response.expectBody().returnResult();
        String key = name;
        for (int n = 2; answers.containsKey(key); n++) {
            key = name + "#" + n;
        }
        answers.put(key, describe(r.getStatus().value(), r.getResponseBody()));
    }

    private static String describe(int status, byte[] body) {
        if (body == null || body.length == 0) {
            return status + " | - | - | - | (no body)";
        }
        try {
            JsonNode json = JSON.readTree(body);
            String type = json.path("type").asText("-").replace("https://azukari.jp/problems/", "");
            String code = json.hasNonNull("code") ? json.get("code").asText() : "-";
            String article = json.hasNonNull("article") ? json.get("article").asText() : "-";
            return status + " | " + type + " | " + code + " | " + article + " | " + shape(json);
        } catch (IOException e) {
            return status + " | - | - | - | (not JSON)";
        }
    }

    /**
     * The names of the body's members, and of the members of the first element of each list of
     * objects.
     */
    private static String shape(JsonNode json) {
        List<String> parts = new ArrayList<>();
        new TreeSet<>(iterable(json))
                .forEach(
                        field -> {
                            JsonNode v = json.get(field);
                            if (v.isArray() && !v.isEmpty() && v.get(0).isObject()) {
                                parts.add(
                                        field
                                                + "["
                                                + String.join(
                                                        ",", new TreeSet<>(iterable(v.get(0))))
                                                + "]");
                            } else {
                                parts.add(field);
                            }
                        });
        return String.join(",", parts);
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, Object> open(String kind, List<UUID> assets) {
        return Map.of("kind", kind, "assetIds", assets);
    }

    private WebTestClient.RequestHeadersSpec<?> confirm(TestUser who, UUID transfer, UUID asset) {
        return as(who).post()
                .uri("/api/v1/transfers/{id}/confirm", transfer)
                .bodyValue(Map.of("assetIds", List.of(asset)));
    }

    private Map<String, Object> incident(UUID asset) {
        return Map.of(
                "kind",
                "LOSS",
                "assetIds",
                List.of(asset),
                "occurredAt",
                clock.instant().minusSeconds(60).toString(),
                "description",
                "紛失");
    }

    private static Map<String, Object> contract(UUID contractor, String starts, String ends) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("number", unique("C"));
        c.put("title", "業務");
        c.put("contractorPartyId", contractor);
        c.put("startsOn", starts);
        c.put("endsOn", ends);
        return c;
    }
}
