package jp.azukari.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.core.ledger.ChainHead;
import jp.azukari.core.ledger.Digest;
import jp.azukari.core.ledger.Ed25519;
import jp.azukari.core.ledger.InclusionProof;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Acceptance 2 and part of 5 of issue 13: signed digests, their verification against the live
 * ledger, proofs.
 */
class DigestTests extends ApiTestSupport {

    private static final HexFormat HEX = HexFormat.of();

    @SuppressWarnings("unchecked")
    private Map<String, Object> take(CustodyWorld w, UUID contractId) {
        return as(w.auditor)
                .post()
                .uri("/api/v1/ledger/digests")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(contractId == null ? Map.of() : Map.of("contractId", contractId))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> verify(CustodyWorld w, Map<String, Object> digest) {
        return as(w.auditor)
                .post()
                .uri("/api/v1/ledger/digests/verify")
                .bodyValue(digest)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private void issueInSteps(CustodyWorld w, List<UUID> assets, int perConfirmation) {
        CustodyWorld.Transfer t = w.open(w.clerk, "ISSUE", null, null, assets);
        for (int i = 0; i < assets.size(); i += perConfirmation) {
            w.confirm(
                    w.contractorCustodian,
                    t.id(),
                    assets.subList(i, Math.min(assets.size(), i + perConfirmation)));
        }
    }

    @Test
    void
            aDigestHoldsAfterAThousandConfirmationsAndNamesTheAssetWhoseHistoryWasRewrittenOrShortened()
                    throws Exception {
        var w =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        List<UUID> early = w.registerAssets(10).stream().map(CustodyWorld.Asset::id).toList();
        w.issue(early);
        Map<String, Object> digest = take(w, null);
        assertThat(digest)
                .containsKeys(
                        "id", "takenAt", "chains", "events", "root", "signature", "fingerprint");

        List<UUID> later = w.registerAssets(1000).stream().map(CustodyWorld.Asset::id).toList();
        for (int i = 0; i < later.size(); i += 100) {
            issueInSteps(w, later.subList(i, i + 100), 10); // 1,000 confirmations after the digest
        }
        Map<String, Object> holds = verify(w, digest);
        assertThat(holds).containsEntry("holds", true);
        assertThat(((Number) holds.get("chainsChecked")).longValue())
                .isEqualTo(((Number) digest.get("chains")).longValue());

        UUID rewritten = early.get(3);
        try (Connection su = TestDatabase.superuserConnection();
                var s = su.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.executeUpdate(
                    "UPDATE custody_event SET location = 'elsewhere' WHERE asset_id = '"
                            + rewritten
                            + "' AND seq = 2");
            Map<String, Object> broken = verify(w, digest);
            assertThat(broken).containsEntry("holds", false);
            assertThat(names(broken)).contains(rewritten.toString());
            s.executeUpdate(
                    "UPDATE custody_event SET location = NULL WHERE asset_id = '"
                            + rewritten
                            + "' AND seq = 2");
        }
        assertThat(verify(w, digest)).containsEntry("holds", true);

        UUID shortened = early.get(5);
        try (Connection su = TestDatabase.superuserConnection();
                var s = su.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute(
                    "CREATE TEMP TABLE kept AS SELECT * FROM custody_event WHERE asset_id = '"
                            + shortened
                            + "' AND seq = 3");
            s.executeUpdate(
                    "DELETE FROM custody_event WHERE asset_id = '" + shortened + "' AND seq = 3");
            Map<String, Object> broken = verify(w, digest);
            assertThat(broken).containsEntry("holds", false);
            assertThat(names(broken)).contains(shortened.toString());
            s.executeUpdate("INSERT INTO custody_event SELECT * FROM kept");
        }
        assertThat(verify(w, digest)).containsEntry("holds", true);
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Map<String, Object> verification) {
        return ((List<Map<String, Object>>) verification.get("rewritten"))
                .stream().map(r -> (String) r.get("assetId")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInclusionProofOfAnUntouchedAssetVerifiesAndNotAgainstADigestWithAnAlteredSignature() {
        var w =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        List<UUID> assets = w.registerAssets(5).stream().map(CustodyWorld.Asset::id).toList();
        w.issue(assets);
        Map<String, Object> digest = take(w, w.contractId);
        Map<String, Object> key =
                as(w.auditor)
                        .get()
                        .uri("/api/v1/ledger/public-key")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        var publicKey = Ed25519.fromPem((String) key.get("pem"));
        assertThat(Ed25519.fingerprint(publicKey))
                .isEqualTo(key.get("fingerprint"))
                .isEqualTo(digest.get("key"));
        assertThat(Ed25519.raw(publicKey))
                .isEqualTo(java.util.Base64.getDecoder().decode((String) key.get("raw")));

        Map<String, Object> proof =
                as(w.auditor)
                        .get()
                        .uri(
                                "/api/v1/ledger/digests/{id}/proof?assetId={a}",
                                digest.get("id"),
                                assets.get(2))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        ChainHead head =
                new ChainHead(
                        assets.get(2),
                        ((Number) proof.get("seq")).intValue(),
                        HEX.parseHex((String) proof.get("hash")));
        List<byte[]> path = ((List<String>) proof.get("path")).stream().map(HEX::parseHex).toList();
        long index = ((Number) proof.get("leafIndex")).longValue();
        long size = ((Number) proof.get("treeSize")).longValue();
        assertThat(size).isEqualTo(5);
        Digest signed = Digest.parse(strings((Map<String, Object>) proof.get("digest")));
        assertThat(InclusionProof.check(signed, publicKey, head, index, size, path)).isNull();
        assertThat(
                        InclusionProof.check(
                                signed,
                                publicKey,
                                new ChainHead(head.assetId(), head.seq() + 1, head.hash()),
                                index,
                                size,
                                path))
                .contains("audit path");

        Map<String, Object> altered = new HashMap<>(digest);
        byte[] sig = java.util.Base64.getDecoder().decode((String) digest.get("signature"));
        sig[10] ^= 1;
        altered.put("signature", java.util.Base64.getEncoder().encodeToString(sig));
        assertThat(
                        InclusionProof.check(
                                Digest.parse(strings(altered)), publicKey, head, index, size, path))
                .contains("signature");
        as(w.auditor)
                .post()
                .uri("/api/v1/ledger/digests/verify")
                .bodyValue(altered)
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("signature"));
    }

    @Test
    void aDigestNotOursMalformedOrTruncatedIsRefusedClearlyAndNothingIsKept() throws Exception {
        var w =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        w.issue(w.registerAssets(2).stream().map(CustodyWorld.Asset::id).toList());
        Map<String, Object> digest = take(w, w.contractId);
        long kept = count();

        var foreign = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Digest ours = Digest.parse(strings(digest));
        Digest unsigned =
                new Digest(
                        ours.id(),
                        ours.takenAt(),
                        ours.scope(),
                        ours.chains(),
                        ours.events(),
                        ours.root(),
                        Ed25519.fingerprint(foreign.getPublic()),
                        null);
        Map<String, Object> theirs =
                new HashMap<>(
                        unsigned.withSignature(
                                        Ed25519.sign(foreign.getPrivate(), unsigned.statement()))
                                .fields());
        as(w.auditor)
                .post()
                .uri("/api/v1/ledger/digests/verify")
                .bodyValue(theirs)
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .value(t -> assertThat((String) t).endsWith("digest-not-ours"));

        Map<String, Object> noRoot = new HashMap<>(digest);
        noRoot.remove("root");
        as(w.auditor)
                .post()
                .uri("/api/v1/ledger/digests/verify")
                .bodyValue(noRoot)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("root: missing");

        String json =
                tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(digest);
        as(w.auditor)
                .post()
                .uri("/api/v1/ledger/digests/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.substring(0, json.length() / 2))
                .exchange()
                .expectStatus()
                .isBadRequest();

        as(w.contractorCustodian)
                .post()
                .uri("/api/v1/ledger/digests")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(count()).isEqualTo(kept);
    }

    private long count() {
        return db.sql("SELECT count(*) AS n FROM ledger_digest")
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }

    static Map<String, String> strings(Map<String, Object> m) {
        Map<String, String> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
        return out;
    }
}
