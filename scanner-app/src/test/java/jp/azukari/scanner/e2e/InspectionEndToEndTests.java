package jp.azukari.scanner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 3 and 5 of issue 13 at the inspector's desk: a bundle downloaded from the real
 * backend, the backend then stopped, and {@code scanner verify-bundle} run with no server at all;
 * ZIP bombs and path traversal refused clearly.
 */
class InspectionEndToEndTests {

    @TempDir Path dir;

    @Test
    void theInspectorVerifiesADownloadedBundleWithNoServerUpAndRefusesBombsAndTraversal()
            throws Exception {
        Path bundle = dir.resolve("inspection.zip");
        String key;
        try (Backend backend = Backend.start(Map.of())) {
            Agency agency = new Agency(backend);
            List<Agency.Asset> assets = agency.register(4);
            UUID transfer = agency.issue(assets);
            agency.confirmByApi(transfer, assets);
            Files.write(
                    bundle,
                    agency.download(
                            agency.manager,
                            "/api/v1/contracts/" + agency.contract + "/inspection"));
            key =
                    agency.get(agency.manager, "/api/v1/ledger/public-key")
                            .get("fingerprint")
                            .asString();
        }
        Scanner scanner = new Scanner(dir.resolve("home"));
        Scanner.Result ok = scanner.run("verify-bundle", bundle.toString(), "--key", key);
        assertThat(ok.exit()).as(ok.toString()).isZero();
        assertThat(ok.out())
                .contains("OK    ledger/events.jsonl: 12 events in 4 chains recomputed")
                .contains("VERIFIED: every check holds");

        Scanner.Result wrongKey =
                scanner.run("verify-bundle", bundle.toString(), "--key", "0".repeat(64));
        assertThat(wrongKey.exit()).isEqualTo(1);
        assertThat(wrongKey.out())
                .contains("FAIL  ledger/public-key.pem: key " + key + " is not the expected")
                .contains("NOT VERIFIED");

        Path bomb = zip("bomb.zip", "ledger/events.jsonl", new byte[64 << 20]);
        Scanner.Result bombed = scanner.run("verify-bundle", bomb.toString());
        assertThat(bombed.exit()).isEqualTo(1);
        assertThat(bombed.out()).contains("ZIP bomb").contains("NOT VERIFIED");

        Path traversal =
                zip(
                        "traversal.zip",
                        "../../.bashrc",
                        "echo owned".getBytes(StandardCharsets.UTF_8));
        Scanner.Result escaped = scanner.run("verify-bundle", traversal.toString());
        assertThat(escaped.exit()).isEqualTo(1);
        assertThat(escaped.out())
                .contains(
                        "FAIL  ZIP refused: entry name \"../../.bashrc\" refused: a path that leaves the archive");
        assertThat(dir.resolve(".bashrc")).doesNotExist();
    }

    private Path zip(String name, String entry, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String required :
                    List.of(
                            "ledger/public-key.pem",
                            "ledger/digest.json",
                            "ledger/digest-leaves.jsonl",
                            "SHA256SUMS",
                            "SHA256SUMS.sig")) {
                zip.putNextEntry(new ZipEntry(required));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return file;
    }
}
