package jp.azukari.provisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.files.UploadedFiles;
import jp.azukari.support.ClockedApiTestSupport;
import jp.azukari.support.CustodyWorld;
import org.junit.jupiter.api.Test;

/**
 * Art. 8.1: the agency asks for compliance reports; the contractor answers with text and
 * attachments.
 */
class ReportRequestTests extends ClockedApiTestSupport {

    @Test
    void
            a_periodic_request_is_answered_with_an_attachment_and_opens_the_next_and_late_ones_are_listed() {
        LocalDate today = LocalDate.now(TOKYO);
        clock.setDay(today);
        var world = new CustodyWorld(this).withContract(today.minusDays(1), today.plusDays(365));
        var steps = new ProvisionsActions(this, world);
        var manager = fresh(world.manager);
        var custodian = fresh(world.contractorCustodian);
        Map<?, ?> asked =
                as(manager)
                        .post()
                        .uri("/api/v1/contracts/{id}/report-requests", world.contractId)
                        .bodyValue(
                                Map.of(
                                        "subject",
                                        "情報セキュリティ対策の実施状況",
                                        "dueOn",
                                        today.plusDays(5).toString(),
                                        "everyMonths",
                                        3))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        UUID id = UUID.fromString((String) asked.get("id"));
        assertThat(asked.get("state")).isEqualTo("OPEN");
        as(custodian)
                .get()
                .uri("/api/v1/report-requests")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].id")
                .isEqualTo(id.toString());
        // only the agency's MANAGER asks
        as(custodian)
                .post()
                .uri("/api/v1/contracts/{id}/report-requests", world.contractId)
                .bodyValue(Map.of("subject", "x", "dueOn", today.plusDays(5).toString()))
                .exchange()
                .expectStatus()
                .isForbidden();

        byte[] report = ProvisionsActions.pdf("実施状況報告書");
        Map<?, ?> answered =
                steps.answer(custodian, id, "全項目を実施済みです。", report)
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(answered.get("state")).isEqualTo("ANSWERED");
        Map<?, ?> answer = (Map<?, ?>) answered.get("answer");
        List<?> files = (List<?>) answer.get("attachments");
        assertThat(files)
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(((Map<?, ?>) f).get("sha256"))
                                    .isEqualTo(
                                            HexFormat.of().formatHex(UploadedFiles.sha256(report)));
                            assertThat(((Map<?, ?>) f).get("size")).isEqualTo(report.length);
                        });
        String fileId = (String) ((Map<?, ?>) files.get(0)).get("id");
        byte[] downloaded =
                as(fresh(world.auditor))
                        .get()
                        .uri("/api/v1/report-requests/{id}/attachments/{f}", id, fileId)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .valueEquals("Azukari-Verified", "true")
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody();
        assertThat(downloaded).isEqualTo(report);
        // once only
        steps.answer(custodian, id, "again")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("REPORT_ALREADY_ANSWERED");

        // the periodic request opened the next, three months later
        List<Map> all =
                as(manager)
                        .get()
                        .uri("/api/v1/report-requests?contractId={c}", world.contractId)
                        .exchange()
                        .expectBodyList(Map.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(all).hasSize(2);
        assertThat(all.get(1).get("dueOn")).isEqualTo(today.plusDays(5).plusMonths(3).toString());
        assertThat(all.get(1).get("follows")).isEqualTo(id.toString());

        // a one-off request due tomorrow, not answered by the day after: LATE for the manager
        as(manager)
                .post()
                .uri("/api/v1/contracts/{id}/report-requests", world.contractId)
                .bodyValue(Map.of("subject", "漏えい疑いに関する報告", "dueOn", today.plusDays(1).toString()))
                .exchange()
                .expectStatus()
                .isCreated();
        clock.setDay(today.plusDays(2));
        as(fresh(manager))
                .get()
                .uri("/api/v1/report-requests?contractId={c}&state=LATE", world.contractId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].subject")
                .isEqualTo("漏えい疑いに関する報告")
                .jsonPath("$[0].late")
                .isEqualTo(true);

        Map<?, ?> section = steps.provisions(fresh(world.auditor));
        assertThat(((Map<?, ?>) section.get("summary")).get("reportRequests")).isEqualTo(3);
        assertThat(((Map<?, ?>) section.get("summary")).get("reportRequestsLate")).isEqualTo(1);
    }

    @Test
    void bad_answers_are_refused_precisely_and_store_nothing() {
        LocalDate today = LocalDate.now(TOKYO);
        var world = new CustodyWorld(this).withContract(today.minusDays(1), today.plusDays(365));
        var steps = new ProvisionsActions(this, world);
        UUID id =
                UUID.fromString(
                        (String)
                                as(world.manager)
                                        .post()
                                        .uri(
                                                "/api/v1/contracts/{id}/report-requests",
                                                world.contractId)
                                        .bodyValue(
                                                Map.of(
                                                        "subject",
                                                        "報告依頼",
                                                        "dueOn",
                                                        today.plusDays(5).toString()))
                                        .exchange()
                                        .expectStatus()
                                        .isCreated()
                                        .expectBody(Map.class)
                                        .returnResult()
                                        .getResponseBody()
                                        .get("id"));
        long files = files();

        // another contractor's custodian: the request does not exist for it
        var other = new CustodyWorld(this).contractorCustodian;
        steps.answer(other, id, "他社の回答", ProvisionsActions.pdf("x")).expectStatus().isNotFound();
        as(other)
                .get()
                .uri("/api/v1/report-requests/{id}", id)
                .exchange()
                .expectStatus()
                .isNotFound();
        // an empty attachment, one over the limit (64 KB in tests), one that is not what it claims
        steps.answer(world.contractorCustodian, id, "回答", new byte[0])
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FILE_EMPTY");
        byte[] big = new byte[65 * 1024];
        System.arraycopy(ProvisionsActions.pdf("").clone(), 0, big, 0, 9);
        steps.answer(world.contractorCustodian, id, "回答", big)
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FILE_TOO_LARGE");
        steps.answer(world.contractorCustodian, id, "回答", "not a pdf".getBytes())
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FILE_CONTENT_MISMATCH");
        // an auditor changes nothing
        steps.answer(world.auditor, id, "回答").expectStatus().isForbidden();

        assertThat(files()).isEqualTo(files);
        as(world.manager)
                .get()
                .uri("/api/v1/report-requests/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("OPEN")
                .jsonPath("$.answer")
                .doesNotExist();
    }

    private long files() {
        return db.sql("SELECT count(*) AS n FROM evidence_file")
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }
}
