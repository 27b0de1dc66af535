package jp.azukari.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Parties: agency roles see all, a custodian its own circle, only an ADMIN registers one. */
class PartyApiTests extends ApiTestSupport {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Map<String, Object>> MAP =
            new ParameterizedTypeReference<>() {};

    @Test
    void an_admin_registers_a_party_and_gets_201_with_its_location() {
        TestUser admin = user(Role.ADMIN, party(unique("PA agency"), PartyKind.AGENCY));
        String name = unique("株式会社テスト");

        var result =
                as(admin)
                        .post()
                        .uri("/api/v1/parties")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("name", "  " + name + " ", "kind", "CONTRACTOR"))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(MAP)
                        .returnResult();

        Map<String, Object> created = result.getResponseBody();
        assertThat(created.get("name")).isEqualTo(name);
        assertThat(created.get("kind")).isEqualTo("CONTRACTOR");
        assertThat(result.getResponseHeaders().getLocation())
                .hasToString("/api/v1/parties/" + created.get("id"));
        assertThat(count("SELECT count(*) AS n FROM party WHERE name = :v", name)).isEqualTo(1);
    }

    @Test
    void a_second_party_with_the_same_name_answers_409_naming_the_name() {
        TestUser admin = user(Role.ADMIN, party(unique("PA agency"), PartyKind.AGENCY));
        String name = unique("duplicate party");
        party(name, PartyKind.SUBCONTRACTOR);

        as(admin)
                .post()
                .uri("/api/v1/parties")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "kind", "CONTRACTOR"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("A party named '" + name + "' already exists");

        assertThat(count("SELECT count(*) AS n FROM party WHERE name = :v", name)).isEqualTo(1);
    }

    @Test
    void only_an_admin_may_register_parties() {
        UUID agency = party(unique("PA agency"), PartyKind.AGENCY);
        UUID contractor = party(unique("PA contractor"), PartyKind.CONTRACTOR);
        String prefix = unique("refused party");
        for (TestUser someone :
                List.of(
                        user(Role.MANAGER, agency),
                        user(Role.CLERK, agency),
                        user(Role.AUDITOR, agency),
                        user(Role.CUSTODIAN, contractor))) {
            as(someone)
                    .post()
                    .uri("/api/v1/parties")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(
                            Map.of(
                                    "name",
                                    prefix + " " + someone.actor().role(),
                                    "kind",
                                    "CONTRACTOR"))
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("Only ADMIN may register parties");
        }

        assertThat(count("SELECT count(*) AS n FROM party WHERE name LIKE :v", prefix + "%"))
                .isZero();
    }

    @Test
    void bad_party_requests_answer_a_precise_400_and_register_nothing() {
        TestUser admin = user(Role.ADMIN, party(unique("PA agency"), PartyKind.AGENCY));
        String name = unique("bad party");

        post(admin, "{\"name\":\"" + name + "\",\"kind\":\"SUPPLIER\"}")
                .jsonPath("$.detail")
                .isEqualTo(
                        "Field 'kind': 'SUPPLIER' is not one of [AGENCY, CONTRACTOR, SUBCONTRACTOR]");
        post(admin, "{\"name\":\"   \"}")
                .jsonPath("$.errors[*].field")
                .value(
                        fields ->
                                assertThat((List<Object>) fields)
                                        .containsExactlyInAnyOrder("name", "kind"));
        post(admin, "{\"name\":\"" + name + "\" \"kind\":\"AGENCY\"}")
                .jsonPath("$.detail")
                .value(
                        d ->
                                assertThat((String) d)
                                        .startsWith("Request body is not valid JSON at line 1"));

        assertThat(count("SELECT count(*) AS n FROM party WHERE name = :v", name)).isZero();
    }

    @Test
    void agency_roles_see_every_party_and_can_filter_by_kind() {
        UUID agency = party(unique("PA agency"), PartyKind.AGENCY);
        UUID sub = party(unique("PA sub"), PartyKind.SUBCONTRACTOR);
        TestUser auditor = user(Role.AUDITOR, agency);

        assertThat(ids(as(auditor), "/api/v1/parties")).contains(agency, sub);
        List<Map<String, Object>> subs = list(as(auditor), "/api/v1/parties?kind=SUBCONTRACTOR");
        assertThat(subs).extracting(p -> p.get("kind")).containsOnly("SUBCONTRACTOR");
        as(auditor)
                .get()
                .uri("/api/v1/parties/" + sub)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.kind")
                .isEqualTo("SUBCONTRACTOR");
    }

    @Test
    void
            a_custodian_sees_its_own_party_the_agencies_and_the_parties_it_deals_with_and_nothing_else() {
        UUID agency = party(unique("PA agency"), PartyKind.AGENCY);
        UUID contractor = party(unique("PA contractor"), PartyKind.CONTRACTOR);
        UUID sub = party(unique("PA sub"), PartyKind.SUBCONTRACTOR);
        UUID otherContractor = party(unique("PA other contractor"), PartyKind.CONTRACTOR);
        UUID otherSub = party(unique("PA other sub"), PartyKind.SUBCONTRACTOR);
        TestUser contractorCustodian = user(Role.CUSTODIAN, contractor);
        TestUser subCustodian = user(Role.CUSTODIAN, sub);
        TestUser outsider = user(Role.CUSTODIAN, otherContractor);
        // the contractor's contract names the subcontractor in an approval; the other pair never
        // meet them
        UUID contract = contract(agency, contractor);
        approvalNaming(contract, sub, contractorCustodian.id());
        approvalNaming(contract(agency, otherContractor), otherSub, outsider.id());

        assertThat(ids(as(contractorCustodian), "/api/v1/parties"))
                .contains(contractor, sub, agency)
                .doesNotContain(otherContractor, otherSub);
        assertThat(ids(as(subCustodian), "/api/v1/parties"))
                .contains(sub, contractor, agency)
                .doesNotContain(otherContractor, otherSub);
        assertThat(ids(as(outsider), "/api/v1/parties"))
                .contains(otherContractor, otherSub, agency)
                .doesNotContain(contractor, sub);
    }

    @Test
    void a_party_outside_a_custodians_circle_answers_404_as_if_it_did_not_exist() {
        UUID contractor = party(unique("PA contractor"), PartyKind.CONTRACTOR);
        UUID stranger = party(unique("PA stranger"), PartyKind.CONTRACTOR);
        TestUser custodian = user(Role.CUSTODIAN, contractor);

        Map<String, Object> hidden =
                as(custodian)
                        .get()
                        .uri("/api/v1/parties/" + stranger)
                        .exchange()
                        .expectStatus()
                        .isNotFound()
                        .expectBody(MAP)
                        .returnResult()
                        .getResponseBody();
        Map<String, Object> absent =
                as(custodian)
                        .get()
                        .uri("/api/v1/parties/" + UUID.randomUUID())
                        .exchange()
                        .expectStatus()
                        .isNotFound()
                        .expectBody(MAP)
                        .returnResult()
                        .getResponseBody();

        assertThat(hidden.get("type")).isEqualTo(absent.get("type"));
        as(custodian).get().uri("/api/v1/parties/" + contractor).exchange().expectStatus().isOk();
    }

    @Test
    void a_party_id_that_is_not_a_uuid_answers_400() {
        TestUser clerk = user(Role.CLERK, party(unique("PA agency"), PartyKind.AGENCY));

        as(clerk)
                .get()
                .uri("/api/v1/parties/12345")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The path variable 'id' must be a UUID, not '12345'");
    }

    private WebTestClient.BodyContentSpec post(TestUser who, String json) {
        return as(who).post()
                .uri("/api/v1/parties")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
    }

    private List<UUID> ids(WebTestClient client, String uri) {
        return list(client, uri).stream().map(p -> UUID.fromString((String) p.get("id"))).toList();
    }

    private List<Map<String, Object>> list(WebTestClient client, String uri) {
        return client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(LIST)
                .returnResult()
                .getResponseBody();
    }

    private UUID contract(UUID agency, UUID contractor) {
        UUID id = UUID.randomUUID();
        db.sql(
                        "INSERT INTO contract (id, number, title, agency_party_id, contractor_party_id, starts_on, ends_on, return_due_on) "
                                + "VALUES (:id, :number, 'party scope test', :agency, :contractor, :starts, :ends, :ends)")
                .bind("id", id)
                .bind("number", unique("PA-K"))
                .bind("agency", agency)
                .bind("contractor", contractor)
                .bind("starts", LocalDate.of(2026, 4, 1))
                .bind("ends", LocalDate.of(2027, 3, 31))
                .then()
                .block();
        return id;
    }

    private void approvalNaming(UUID contract, UUID subcontractor, UUID requestedBy) {
        db.sql(
                        "INSERT INTO approval (id, contract_id, kind, subcontractor_party_id, whole_contract, requested_by, requested_at, "
                                + "valid_until, reason) VALUES (:id, :contract, 'PROVIDE_TO_SUBCONTRACTOR', :sub, true, :by, :at, :until, 'scope test')")
                .bind("id", UUID.randomUUID())
                .bind("contract", contract)
                .bind("sub", subcontractor)
                .bind("by", requestedBy)
                .bind("at", Instant.now())
                .bind("until", LocalDate.of(2027, 3, 31))
                .then()
                .block();
    }

    private long count(String sql, String value) {
        return db.sql(sql).bind("v", value).map(r -> r.get("n", Long.class)).one().block();
    }
}
