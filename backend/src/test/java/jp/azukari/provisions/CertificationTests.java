package jp.azukari.provisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import jp.azukari.files.UploadedFiles;
import jp.azukari.support.ClockedApiTestSupport;
import jp.azukari.support.CustodyWorld;
import org.junit.jupiter.api.Test;

/**
 * Art. 9: a party's third-party certifications with their certificate files; expiring and expired
 * ones listed.
 */
class CertificationTests extends ClockedApiTestSupport {

    @Test
    void
            a_contractor_registers_its_certifications_the_agency_lists_expiring_and_expired_ones_and_others_see_nothing() {
        LocalDate today = LocalDate.now(TOKYO);
        clock.setDay(today);
        var world = new CustodyWorld(this).withContract(today.minusDays(1), today.plusDays(365));
        var steps = new ProvisionsActions(this, world);
        var custodian = fresh(world.contractorCustodian);
        byte[] certificate = ProvisionsActions.pdf("ISO/IEC 27001 登録証");
        Map<?, ?> valid =
                steps.certify(custodian, today.plusDays(300), certificate)
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(valid.get("partyId")).isEqualTo(world.contractor.toString());
        assertThat(valid.get("state")).isEqualTo("VALID");
        assertThat(((Map<?, ?>) valid.get("certificate")).get("sha256"))
                .isEqualTo(HexFormat.of().formatHex(UploadedFiles.sha256(certificate)));
        steps.certify(custodian, today.plusDays(30), certificate)
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("EXPIRING");
        steps.certify(custodian, today.minusDays(1), certificate)
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("EXPIRED");

        var manager = fresh(world.manager);
        as(manager)
                .get()
                .uri("/api/v1/certifications?partyId={p}&state=EXPIRING", world.contractor)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1);
        as(manager)
                .get()
                .uri("/api/v1/certifications?partyId={p}&state=EXPIRED", world.contractor)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].validUntil")
                .isEqualTo(today.minusDays(1).toString());
        byte[] file =
                as(fresh(world.auditor))
                        .get()
                        .uri("/api/v1/certifications/{id}/certificate", valid.get("id"))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .valueEquals("Azukari-Verified", "true")
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody();
        assertThat(file).isEqualTo(certificate);

        // another contractor: not listed, its ids answer 404
        var other = fresh(new CustodyWorld(this).contractorCustodian);
        assertThat(
                        as(other)
                                .get()
                                .uri("/api/v1/certifications")
                                .exchange()
                                .expectBodyList(Map.class)
                                .returnResult()
                                .getResponseBody())
                .isEmpty();
        as(other)
                .get()
                .uri("/api/v1/certifications/{id}", valid.get("id"))
                .exchange()
                .expectStatus()
                .isNotFound();
        as(other)
                .get()
                .uri("/api/v1/certifications/{id}/certificate", valid.get("id"))
                .exchange()
                .expectStatus()
                .isNotFound();

        // the contract's compliance report carries its contractor's certifications
        List<?> inReport = (List<?>) steps.provisions(fresh(world.auditor)).get("certifications");
        assertThat(inReport).hasSize(3);
    }

    @Test
    void an_empty_or_oversized_certificate_is_refused_with_its_code_and_nothing_is_stored() {
        var world = new CustodyWorld(this);
        var steps = new ProvisionsActions(this, world);
        LocalDate until = LocalDate.now(TOKYO).plusDays(100);
        long before = count();
        steps.certify(world.contractorCustodian, until, new byte[0])
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FILE_EMPTY");
        byte[] big = new byte[64 * 1024 + 1];
        System.arraycopy(ProvisionsActions.pdf(""), 0, big, 0, 9);
        steps.certify(world.contractorCustodian, until, big)
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FILE_TOO_LARGE");
        steps.certify(world.auditor, until, ProvisionsActions.pdf("x"))
                .expectStatus()
                .isForbidden();
        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return db.sql("SELECT count(*) AS n FROM certification")
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }
}
