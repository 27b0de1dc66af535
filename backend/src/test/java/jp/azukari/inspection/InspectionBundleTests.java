package jp.azukari.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import jp.azukari.core.ledger.BundleVerifier;
import jp.azukari.core.ledger.Ed25519;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;

/**
 * Acceptance 3 and 4 of issue 13: the inspection bundle verified offline, and the compliance report
 * as PDF.
 */
class InspectionBundleTests extends ApiTestSupport {

    CustodyWorld world;
    List<CustodyWorld.Asset> assets;
    String key;

    @BeforeEach
    void aContractWithCustodyADisposalAndAnAudit() {
        world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        assets = world.registerAssets(6);
        List<UUID> ids = assets.stream().map(CustodyWorld.Asset::id).toList();
        world.issue(ids);
        Map<?, ?> asked =
                as(world.contractorCustodian)
                        .post()
                        .uri("/api/v1/approvals")
                        .bodyValue(
                                Map.of(
                                        "contractId",
                                        world.contractId,
                                        "kind",
                                        "DISPOSE_INSTEAD_OF_RETURN",
                                        "assetIds",
                                        List.of(ids.get(5)),
                                        "validUntil",
                                        LocalDate.now().plusDays(10).toString(),
                                        "reason",
                                        "溶解処理"))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        as(world.manager)
                .post()
                .uri("/api/v1/approvals/{id}/decision", asked.get("id"))
                .bodyValue(Map.of("decision", "APPROVED"))
                .exchange()
                .expectStatus()
                .isOk();
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("method", "SHREDDING");
        form.part("date", LocalDate.now().toString());
        form.part("witness", "立会人 山田");
        form.part(
                        "certificate",
                        new ByteArrayResource(
                                "%PDF-1.4\n% 廃棄証明書\n%%EOF\n".getBytes(StandardCharsets.UTF_8)) {
                            @Override
                            public String getFilename() {
                                return "廃棄証明書.pdf";
                            }
                        })
                .contentType(MediaType.APPLICATION_PDF);
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/assets/{id}/disposal", ids.get(5))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(form.build())
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
        key =
                (String)
                        as(world.auditor)
                                .get()
                                .uri("/api/v1/ledger/public-key")
                                .exchange()
                                .expectBody(Map.class)
                                .returnResult()
                                .getResponseBody()
                                .get("fingerprint");
    }

    private Path bundle() throws IOException {
        byte[] zip =
                as(world.auditor)
                        .get()
                        .uri("/api/v1/contracts/{id}/inspection", world.contractId)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentType("application/zip")
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody();
        Path file = Files.createTempFile("bundle-", ".zip");
        Files.write(file, zip);
        return file;
    }

    /**
     * A copy of the bundle with its entries changed: a function from name and bytes to new bytes
     * (null drops it).
     */
    static Path rewrite(Path bundle, java.util.function.BiFunction<String, byte[], byte[]> change)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(Files.newInputStream(bundle))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        Path out = Files.createTempFile("tampered-", ".zip");
        try (var zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (var e : entries.entrySet()) {
                byte[] b = change.apply(e.getKey(), e.getValue());
                if (b != null) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(b);
                    zip.closeEntry();
                }
            }
        }
        return out;
    }

    static Path editLines(Path bundle, String name, UnaryOperator<List<String>> edit)
            throws IOException {
        return rewrite(
                bundle,
                (n, b) ->
                        n.equals(name)
                                ? (String.join(
                                                        "\n",
                                                        edit.apply(
                                                                new ArrayList<>(
                                                                        new String(
                                                                                        b,
                                                                                        StandardCharsets
                                                                                                .UTF_8)
                                                                                .lines()
                                                                                .toList())))
                                                + "\n")
                                        .getBytes(StandardCharsets.UTF_8)
                                : b);
    }

    private static List<String> failures(BundleVerifier.Result r) {
        return r.checks().stream().filter(c -> !c.holds()).map(BundleVerifier.Check::line).toList();
    }

    @Test
    void aFreshBundleVerifiesOfflineAndEachTamperingIsNamedByFileAndEntry() throws Exception {
        Path fresh = bundle();
        BundleVerifier.Result ok = BundleVerifier.verify(fresh, key);
        assertThat(failures(ok)).isEmpty();
        assertThat(ok.holds()).isTrue();
        assertThat(ok.checks())
                .anySatisfy(
                        c ->
                                assertThat(c.line())
                                        .startsWith("ledger/events.jsonl: ")
                                        .contains("6 chains"));
        assertThat(ok.checks())
                .anySatisfy(
                        c ->
                                assertThat(c.line())
                                        .startsWith("certificates/")
                                        .contains("disposals.jsonl line 1"));

        // one byte of one event: line 2 is the second event of the first asset
        Path oneByte =
                editLines(
                        fresh,
                        "ledger/events.jsonl",
                        lines -> {
                            lines.set(
                                    1,
                                    lines.get(1)
                                            .replace(
                                                    "\"type\":\"TRANSFER_OPENED\"",
                                                    "\"type\":\"TRANSFER_OPENEE\""));
                            return lines;
                        });
        assertThat(failures(BundleVerifier.verify(oneByte, key)))
                .anySatisfy(
                        f ->
                                assertThat(f)
                                        .startsWith("ledger/events.jsonl line 2 ")
                                        .contains("hash does not match"))
                .anySatisfy(
                        f ->
                                assertThat(f)
                                        .isEqualTo(
                                                "ledger/events.jsonl: its SHA-256 differs from SHA256SUMS"));

        Path removed =
                editLines(
                        fresh,
                        "ledger/events.jsonl",
                        lines -> {
                            lines.remove(1);
                            return lines;
                        });
        assertThat(failures(BundleVerifier.verify(removed, key)))
                .anySatisfy(
                        f ->
                                assertThat(f)
                                        .startsWith("ledger/events.jsonl line 2 ")
                                        .contains("sequence jumps from 1 to 3"));

        Path certificate =
                rewrite(
                        fresh,
                        (n, b) ->
                                n.startsWith("certificates/")
                                        ? "%PDF-1.4\n% 別の証明書\n".getBytes(StandardCharsets.UTF_8)
                                        : b);
        assertThat(failures(BundleVerifier.verify(certificate, key)))
                .anySatisfy(
                        f ->
                                assertThat(f)
                                        .startsWith("certificates/")
                                        .contains("differs from disposals.jsonl line 1"));

        Path signature =
                rewrite(
                        fresh,
                        (n, b) -> {
                            if (!n.equals("ledger/digest.json")) {
                                return b;
                            }
                            String json = new String(b, StandardCharsets.UTF_8);
                            int at = json.indexOf("\"signature\":\"") + 13;
                            char c = json.charAt(at);
                            return (json.substring(0, at)
                                            + (c == 'A' ? 'B' : 'A')
                                            + json.substring(at + 1))
                                    .getBytes(StandardCharsets.UTF_8);
                        });
        assertThat(failures(BundleVerifier.verify(signature, key)))
                .anySatisfy(
                        f ->
                                assertThat(f)
                                        .isEqualTo(
                                                "ledger/digest.json: the signature does not verify with ledger/public-key.pem"));

        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        Path otherKey =
                rewrite(
                        fresh,
                        (n, b) ->
                                n.equals("ledger/public-key.pem")
                                        ? Ed25519.toPem(other).getBytes(StandardCharsets.US_ASCII)
                                        : b);
        List<String> keyFailures = failures(BundleVerifier.verify(otherKey, key));
        assertThat(keyFailures)
                .anySatisfy(
                        f ->
                                assertThat(f)
                                        .startsWith(
                                                "ledger/public-key.pem: key "
                                                        + Ed25519.fingerprint(other)
                                                        + " is not the expected"))
                .anySatisfy(
                        f ->
                                assertThat(f)
                                        .startsWith("ledger/digest.json: signed by key ")
                                        .contains("not by ledger/public-key.pem"))
                .anySatisfy(f -> assertThat(f).startsWith("SHA256SUMS.sig: "));
        // without a fingerprint to compare with, the signatures still do not hold
        assertThat(BundleVerifier.verify(otherKey, null).holds()).isFalse();
    }

    @Test
    void theReportPdfHoldsEveryTagAndTheContractsJapaneseTitle() throws Exception {
        byte[] pdf =
                as(world.auditor)
                        .get()
                        .uri("/api/v1/contracts/{id}/report", world.contractId)
                        .accept(MediaType.APPLICATION_PDF)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_PDF)
                        .expectHeader()
                        .exists(InspectionController.DIGEST_HEADER)
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody();
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("調査業務 " + world.contractNumber)
                    .contains("委託資産コンプライアンス報告書")
                    .contains("検証済み VERIFIED")
                    .contains("ダイジェスト指紋")
                    .contains("廃棄証明書");
            for (CustodyWorld.Asset a : assets) {
                assertThat(text).contains(a.tag());
            }
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 80);
            Path images = ComplianceTableTests.docs().resolve("images");
            Files.createDirectories(images);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(page, "png", png);
            Files.write(images.resolve("compliance-report.png"), png.toByteArray());
        }
        as(world.auditor)
                .get()
                .uri("/api/v1/contracts/{id}/report.pdf", world.contractId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PDF);
        as(world.contractorCustodian)
                .get()
                .uri("/api/v1/contracts/{id}/inspection", world.contractId)
                .exchange()
                .expectStatus()
                .isForbidden();
        as(world.auditor)
                .get()
                .uri("/api/v1/contracts/{id}/inspection", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}
