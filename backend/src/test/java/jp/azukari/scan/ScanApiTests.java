package jp.azukari.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.label.LabelKey;
import jp.azukari.label.LabelKeyRing;
import jp.azukari.label.LabelPayloadCodec;
import jp.azukari.label.LabelService;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Scanning labels through /scans: confirmations, idempotent retries, and every kind of bad label.
 */
class ScanApiTests extends ApiTestSupport {

    @Autowired LabelService labels;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(
            UUID scanId, String result, UUID assetId, String tag, String code, String message) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Batch(List<Result> results) {}

    CustodyWorld world;
    List<Asset> assets;
    UUID transfer;
    LabelPayloadCodec codec;

    @BeforeEach
    void fiveAssetsOnTheirWayToTheContractor() {
        world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        assets = world.registerAssets(6);
        transfer =
                world.open(
                                world.clerk,
                                "ISSUE",
                                null,
                                null,
                                assets.subList(0, 5).stream().map(Asset::id).toList())
                        .id();
        codec = labels.codec().block();
    }

    private Map<String, Object> scan(UUID id, String payload, String purpose) {
        var m = new java.util.HashMap<String, Object>();
        m.put("scanId", id);
        m.put("payload", payload);
        m.put("scannedAt", Instant.now().toString());
        m.put("purpose", purpose);
        if (purpose.equals("CONFIRM")) {
            m.put("transferId", transfer);
            m.put("acknowledgedHandling", true);
        }
        return m;
    }

    private Batch send(Object body) {
        return as(world.contractorCustodian)
                .post()
                .uri("/api/v1/scans")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Batch.class)
                .returnResult()
                .getResponseBody();
    }

    private String fingerprint() {
        return db.sql(
                        "SELECT concat_ws(' ', (SELECT count(*) FROM scan), (SELECT count(*) FROM custody_event), "
                                + "(SELECT count(*) FROM transfer_line WHERE status = 'CONFIRMED'))")
                .map(r -> r.get(0, String.class))
                .one()
                .block();
    }

    @Test
    void scanning_every_label_confirms_the_transfer_and_the_ledger_keeps_payload_and_device() {
        List<Map<String, Object>> scans = new ArrayList<>();
        for (Asset a : assets.subList(0, 5)) {
            scans.add(scan(UUID.randomUUID(), codec.labelPayload(a.tag()), "CONFIRM"));
        }
        Batch batch = send(Map.of("deviceId", "counter-7", "scans", scans));
        assertThat(batch.results()).extracting(Result::result).containsOnly("CONFIRMED").hasSize(5);
        as(world.auditor)
                .get()
                .uri("/api/v1/transfers/{id}", transfer)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("COMPLETED");
        String payload = codec.labelPayload(assets.get(0).tag());
        as(world.auditor)
                .get()
                .uri("/api/v1/assets/{id}/events", assets.get(0).id())
                .exchange()
                .expectBody()
                .jsonPath("$[2].type")
                .isEqualTo("ISSUED")
                .jsonPath("$[2].deviceId")
                .isEqualTo("counter-7")
                .jsonPath("$[2].scannedPayload")
                .isEqualTo(payload);
    }

    @Test
    void the_same_batch_sent_three_times_at_once_confirms_each_line_once() {
        List<Map<String, Object>> scans = new ArrayList<>();
        for (Asset a : assets.subList(0, 5)) {
            scans.add(scan(UUID.randomUUID(), codec.labelPayload(a.tag()), "CONFIRM"));
        }
        var body = Map.of("deviceId", "counter-1", "scans", scans);
        var client = WebClient.create("http://localhost:" + port);
        List<Batch> answers =
                Flux.range(0, 3)
                        .flatMap(
                                i ->
                                        client.post()
                                                .uri("/api/v1/scans")
                                                .header(
                                                        "Authorization",
                                                        "Bearer "
                                                                + world.contractorCustodian.token())
                                                .contentType(MediaType.APPLICATION_JSON)
                                                .bodyValue(body)
                                                .retrieve()
                                                .bodyToMono(Batch.class))
                        .collectList()
                        .block();
        assertThat(answers)
                .hasSize(3)
                .allSatisfy(
                        b ->
                                assertThat(b.results())
                                        .extracting(Result::result)
                                        .containsOnly("CONFIRMED"));
        Batch again = send(body);
        assertThat(again.results()).extracting(Result::result).containsOnly("CONFIRMED");
        for (Asset a : assets.subList(0, 5)) {
            assertThat(
                            db.sql(
                                            "SELECT count(*) FROM custody_event WHERE asset_id = :a AND type = 'ISSUED'")
                                    .bind("a", a.id())
                                    .map(r -> r.get(0, Long.class))
                                    .one()
                                    .block())
                    .isEqualTo(1);
            assertThat(
                            db.sql(
                                            "SELECT count(*) FROM custody_event WHERE asset_id = :a AND type = 'REFUSED'")
                                    .bind("a", a.id())
                                    .map(r -> r.get(0, Long.class))
                                    .one()
                                    .block())
                    .isZero();
        }
        as(world.auditor)
                .get()
                .uri("/api/v1/ledger/verify?contractId={id}", world.contractId)
                .exchange()
                .expectBody()
                .jsonPath("$.verified")
                .isEqualTo(true);
    }

    @Test
    void bad_and_hostile_labels_each_get_their_precise_result_and_change_nothing() {
        String good = codec.labelPayload(assets.get(0).tag());
        String oneCharChanged =
                good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A");
        var foreignRing = LabelKeyRing.of(LabelKey.generate(new SecureRandom()));
        String foreign = new LabelPayloadCodec(foreignRing).labelPayload(assets.get(0).tag());
        String before = fingerprint();
        Batch batch =
                send(
                        Map.of(
                                "deviceId",
                                "counter-1",
                                "scans",
                                List.of(
                                        scan(UUID.randomUUID(), oneCharChanged, "CONFIRM"),
                                        scan(UUID.randomUUID(), foreign, "CONFIRM"),
                                        scan(
                                                UUID.randomUUID(),
                                                good.substring(0, good.length() - 4),
                                                "CONFIRM"),
                                        scan(UUID.randomUUID(), "A".repeat(10_000), "CONFIRM"),
                                        scan(UUID.randomUUID(), "AZ1:ABCD:タグ:\u00ff", "CONFIRM"))));
        assertThat(batch.results())
                .extracting(Result::result)
                .containsExactly(
                        "LABEL_FORGED",
                        "LABEL_FOREIGN",
                        "LABEL_MALFORMED",
                        "LABEL_MALFORMED",
                        "LABEL_MALFORMED");
        assertThat(fingerprint()).isEqualTo(before);

        // text the database refuses (NUL) is not a label at all: the whole batch is a 400
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/scans")
                .bodyValue(
                        Map.of(
                                "deviceId",
                                "d",
                                "scans",
                                List.of(scan(UUID.randomUUID(), "AZ1:ABCD:\u0000", "CONFIRM"))))
                .exchange()
                .expectStatus()
                .isBadRequest();

        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/scans")
                .bodyValue(Map.of("deviceId", "d", "scans", List.of()))
                .exchange()
                .expectStatus()
                .isBadRequest();
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(scan(UUID.randomUUID(), good, "LOOKUP"));
        }
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/scans")
                .bodyValue(Map.of("deviceId", "d", "scans", tooMany))
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void a_scan_id_reused_for_another_label_is_a_conflict_and_one_bad_scan_spoils_nothing() {
        UUID id = UUID.randomUUID();
        Batch first =
                send(
                        Map.of(
                                "deviceId",
                                "d",
                                "scans",
                                List.of(
                                        scan(
                                                id,
                                                codec.labelPayload(assets.get(0).tag()),
                                                "CONFIRM"),
                                        scan(UUID.randomUUID(), "NOT A LABEL", "CONFIRM"),
                                        scan(
                                                UUID.randomUUID(),
                                                codec.labelPayload(assets.get(1).tag()),
                                                "CONFIRM"))));
        assertThat(first.results())
                .extracting(Result::result)
                .containsExactly("CONFIRMED", "LABEL_MALFORMED", "CONFIRMED");
        String before = fingerprint();
        Batch reused =
                send(
                        Map.of(
                                "deviceId",
                                "d",
                                "scans",
                                List.of(
                                        scan(
                                                id,
                                                codec.labelPayload(assets.get(2).tag()),
                                                "CONFIRM"))));
        assertThat(reused.results()).extracting(Result::result).containsExactly("CONFLICT");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void a_label_not_on_the_transfer_is_refused_and_recorded_as_unexpected() {
        Asset stray = assets.get(5);
        Batch batch =
                send(
                        Map.of(
                                "deviceId",
                                "d",
                                "scans",
                                List.of(
                                        scan(
                                                UUID.randomUUID(),
                                                codec.labelPayload(stray.tag()),
                                                "CONFIRM"))));
        // the contractor cannot see an asset never offered to it: to them it does not exist
        assertThat(batch.results()).extracting(Result::result).containsExactly("LABEL_UNKNOWN");
        var clerkAnswer =
                as(world.clerk)
                        .post()
                        .uri("/api/v1/scans")
                        .bodyValue(
                                Map.of(
                                        "deviceId",
                                        "d",
                                        "scans",
                                        List.of(
                                                scan(
                                                        UUID.randomUUID(),
                                                        codec.labelPayload(stray.tag()),
                                                        "CONFIRM"))))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Batch.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(clerkAnswer.results())
                .extracting(Result::result)
                .containsExactly("NOT_ON_TRANSFER");
        assertThat(
                        db.sql(
                                        "SELECT count(*) FROM custody_event WHERE asset_id = :a AND type = 'SCANNED_UNEXPECTED'")
                                .bind("a", stray.id())
                                .map(r -> r.get(0, Long.class))
                                .one()
                                .block())
                .isEqualTo(1);
    }

    @Test
    void
            resolving_tells_real_forged_foreign_and_unknown_labels_apart_and_hides_other_parties_assets() {
        String good = codec.labelPayload(assets.get(0).tag());
        as(world.clerk)
                .get()
                .uri(u -> u.path("/api/v1/labels/resolve").queryParam("payload", good).build())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.tag")
                .isEqualTo(assets.get(0).tag());
        String forged = good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A");
        as(world.clerk)
                .get()
                .uri(u -> u.path("/api/v1/labels/resolve").queryParam("payload", forged).build())
                .exchange()
                .expectStatus()
                .is4xxClientError()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("LABEL_FORGED");
        String foreign =
                new LabelPayloadCodec(LabelKeyRing.of(LabelKey.generate(new SecureRandom())))
                        .labelPayload(assets.get(0).tag());
        as(world.clerk)
                .get()
                .uri(u -> u.path("/api/v1/labels/resolve").queryParam("payload", foreign).build())
                .exchange()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("LABEL_FOREIGN");
        String unknownTag =
                codec.labelPayload("Z-9999-" + (100000 + new SecureRandom().nextInt(800000)));
        var stranger = user(Role.CUSTODIAN, party(unique("stranger"), PartyKind.CONTRACTOR));
        String unknownAnswer =
                as(stranger)
                        .get()
                        .uri(
                                u ->
                                        u.path("/api/v1/labels/resolve")
                                                .queryParam("payload", unknownTag)
                                                .build())
                        .exchange()
                        .expectStatus()
                        .isNotFound()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        String foreignPartyAnswer =
                as(stranger)
                        .get()
                        .uri(
                                u ->
                                        u.path("/api/v1/labels/resolve")
                                                .queryParam("payload", good)
                                                .build())
                        .exchange()
                        .expectStatus()
                        .isNotFound()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(unknownAnswer).contains("LABEL_UNKNOWN");
        assertThat(foreignPartyAnswer).isEqualTo(unknownAnswer);
    }

    @Test
    void labels_render_as_png_svg_and_pdf_for_a_caller_who_may_see_the_asset() {
        UUID id = assets.get(0).id();
        byte[] png =
                as(world.clerk)
                        .get()
                        .uri("/api/v1/assets/{id}/label.png?dpi=203", id)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentType(MediaType.IMAGE_PNG)
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        as(world.clerk)
                .get()
                .uri("/api/v1/assets/{id}/label.svg", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(svg -> assertThat(svg).contains("<svg").contains(assets.get(0).tag()));
        byte[] pdf =
                as(world.clerk)
                        .post()
                        .uri("/api/v1/labels/pdf")
                        .bodyValue(Map.of("assetIds", List.of(id), "layout", "TAPE_62"))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        var stranger = user(Role.CUSTODIAN, party(unique("stranger"), PartyKind.CONTRACTOR));
        as(stranger)
                .get()
                .uri("/api/v1/assets/{id}/label.png", id)
                .exchange()
                .expectStatus()
                .isNotFound();
        as(world.clerk)
                .get()
                .uri("/api/v1/assets/{id}/label.png?dpi=5", id)
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    /**
     * A payload or tag as people and devices enter it: full-width, IME dashes, lower case, a
     * wedge's CR/LF, a phone's URL.
     */
    private static List<String> asTyped(String text) {
        StringBuilder fullWidth = new StringBuilder();
        text.chars().forEach(c -> fullWidth.append((char) (c > 0x20 && c < 0x7F ? c + 0xFEE0 : c)));
        return List.of(
                fullWidth.toString(),
                text.replace("-", "ー"),
                text.replace("-", "−"),
                text.replace("-", "‐"),
                text.toLowerCase(),
                text + "\r\n",
                " " + text + "\n",
                "\u3000" + fullWidth.toString().toLowerCase().replace("－", "ー") + "\r\n");
    }

    @Test
    void a_tag_as_typed_at_the_counter_finds_the_asset() {
        Asset a = assets.get(0);
        assertThat(a.tag()).contains("-");
        for (String typed : asTyped(a.tag())) {
            as(world.clerk)
                    .get()
                    .uri(u -> u.path("/api/v1/assets").queryParam("tag", "{t}").build(typed))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(1)
                    .jsonPath("$[0].id")
                    .isEqualTo(a.id().toString())
                    .jsonPath("$[0].tag")
                    .isEqualTo(a.tag());
        }
    }

    @Test
    void a_payload_as_typed_or_scanned_resolves_to_the_asset_and_answers_the_canonical_payload() {
        Asset a = assets.get(0);
        String canonical = codec.encode(a.tag());
        List<String> forms = new ArrayList<>(asTyped(canonical));
        forms.add("https://azukari.example.jp/l/" + canonical.toLowerCase());
        forms.add("HTTPS://AZUKARI.EXAMPLE.JP/L/" + canonical.replace("-", "－") + "\r\n");
        for (String typed : forms) {
            as(world.clerk)
                    .get()
                    .uri(
                            u ->
                                    u.path("/api/v1/labels/resolve")
                                            .queryParam("payload", "{p}")
                                            .build(typed))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.id")
                    .isEqualTo(a.id().toString())
                    .jsonPath("$.payload")
                    .isEqualTo(canonical);
        }
    }

    @Test
    void a_forged_label_is_still_forged_however_it_is_typed() {
        String canonical = codec.encode(assets.get(0).tag());
        String forged =
                canonical.substring(0, canonical.length() - 1)
                        + (canonical.endsWith("A") ? "B" : "A");
        String before = fingerprint();
        List<Map<String, Object>> scans = new ArrayList<>();
        for (String typed : asTyped(forged)) {
            as(world.clerk)
                    .get()
                    .uri(
                            u ->
                                    u.path("/api/v1/labels/resolve")
                                            .queryParam("payload", "{p}")
                                            .build(typed))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("LABEL_FORGED");
            scans.add(scan(UUID.randomUUID(), typed, "CONFIRM"));
        }
        assertThat(send(Map.of("deviceId", "counter-1", "scans", scans)).results())
                .extracting(Result::result)
                .containsOnly("LABEL_FORGED");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void scans_of_payloads_as_typed_confirm_and_the_ledger_keeps_the_canonical_payload() {
        List<Map<String, Object>> scans = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // full-width, ー, −, ‐, and full-width lower case with an ideographic space and CR/LF
            String typed = asTyped(codec.encode(assets.get(i).tag())).get(i == 4 ? 7 : i);
            scans.add(scan(UUID.randomUUID(), typed, "CONFIRM"));
        }
        scans.add(
                scan(
                        UUID.randomUUID(),
                        "https://azukari.example.jp/l/"
                                + codec.encode(assets.get(0).tag()).toLowerCase()
                                + "\r\n",
                        "LOOKUP"));
        Batch batch = send(Map.of("deviceId", "counter-7", "scans", scans));
        assertThat(batch.results())
                .extracting(Result::result)
                .containsExactly(
                        "CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED", "FOUND");
        List<String> tags = new ArrayList<>(assets.subList(0, 5).stream().map(Asset::tag).toList());
        tags.add(assets.get(0).tag());
        assertThat(batch.results()).extracting(Result::tag).containsExactlyElementsOf(tags);
        for (Asset a : assets.subList(0, 5)) {
            as(world.auditor)
                    .get()
                    .uri("/api/v1/assets/{id}/events", a.id())
                    .exchange()
                    .expectBody()
                    .jsonPath("$[2].type")
                    .isEqualTo("ISSUED")
                    .jsonPath("$[2].scannedPayload")
                    .isEqualTo(codec.encode(a.tag()));
        }
        // a retry in another form of the same label is the same scan, answered as before
        Batch retried =
                send(
                        Map.of(
                                "deviceId",
                                "counter-7",
                                "scans",
                                List.of(
                                        scan(
                                                (UUID) scans.get(0).get("scanId"),
                                                codec.encode(assets.get(0).tag()),
                                                "CONFIRM"))));
        assertThat(retried.results()).extracting(Result::result).containsExactly("CONFIRMED");
    }
}
