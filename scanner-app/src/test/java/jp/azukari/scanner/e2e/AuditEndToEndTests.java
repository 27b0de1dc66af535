package jp.azukari.scanner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code scanner audit}, end to end against the real backend (issue 13): photos of labels scanned
 * with purpose AUDIT into an open audit at the contractor answer FOUND, UNEXPECTED with where the
 * ledger places the asset, or duplicate; a closed audit and one the user may not see are refused
 * before anything is read, with nothing recorded.
 */
class AuditEndToEndTests {

    private static Backend backend;

    @BeforeAll
    static void startBackend() {
        backend = Backend.start(Map.of());
    }

    @AfterAll
    static void stopBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    @TempDir Path dir;

    @Test
    void photosScannedIntoAnAuditAreFoundUnexpectedOrDuplicateAndTheSummaryCountsThem()
            throws Exception {
        Agency agency = new Agency(backend);
        List<Agency.Asset> assets = agency.register(5);
        List<Agency.Asset> atContractor = assets.subList(0, 4);
        Agency.Asset atAgency = assets.get(4);
        agency.confirmByApi(agency.issue(atContractor), atContractor);
        UUID audit = openAudit(agency);
        Agency.Asset a1 = assets.get(0);
        Agency.Asset a2 = assets.get(1);
        // two photos: a1 and a2, then an asset the ledger places at the agency
        Photos.of(agency, List.of(a1, a2, atAgency), 2, dir.resolve("photos"));
        Scanner scanner = managerScanner(agency);

        Scanner.Result result =
                scanner.run(
                        "audit",
                        audit.toString(),
                        dir.resolve("photos").toString(),
                        "--device-id",
                        "audit-e2e-1");

        assertThat(result.exit()).as(result.toString()).isZero();
        String out = result.out();
        assertThat(out.lines().filter(l -> l.startsWith("✓ " + a1.tag() + "  ")))
                .as(out)
                .singleElement()
                .matches(l -> l.contains("found: expected here"));
        assertThat(out.lines().filter(l -> l.startsWith("✓ " + a2.tag() + "  ")))
                .singleElement()
                .matches(l -> l.contains("found: expected here"));
        assertThat(out.lines().filter(l -> l.startsWith("✓ " + atAgency.tag() + "  ")))
                .singleElement()
                .matches(
                        l ->
                                l.contains(
                                        "UNEXPECTED here: the ledger places it at 機関 "
                                                + agency.suffix),
                        "names the agency as the ledger's holder");
        assertThat(out)
                .contains(
                        "Audit "
                                + audit
                                + " at "
                                + agency.contractorName
                                + " / 倉庫 A: 4 expected, 2 found, 2 not found yet, 1 unexpected (open)")
                .contains("this run: 2 found, 1 unexpected, 0 duplicate")
                .endsWith("3 succeeded, 0 failed, 0 queued\n");

        // a second device with a keyboard-wedge scanner reads a1 again and a3: a1 counts once
        Scanner.Result wedge =
                scanner.typing(
                        agency.payload(a1) + "\n" + agency.payload(assets.get(2)) + "\n",
                        "audit",
                        audit.toString(),
                        "--stdin",
                        "--device-id",
                        "audit-e2e-2",
                        "--json");
        assertThat(wedge.exit()).as(wedge.toString()).isZero();
        assertThat(wedge.json("scan"))
                .extracting(j -> j.get("tag").asString() + " " + j.get("audit").asString())
                .containsExactly(a1.tag() + " DUPLICATE", assets.get(2).tag() + " FOUND");
        assertThat(wedge.json("audit"))
                .singleElement()
                .satisfies(
                        j -> {
                            assertThat(j.get("found").asLong()).isEqualTo(3);
                            assertThat(j.get("missing").asLong()).isEqualTo(1);
                            assertThat(j.get("runDuplicates").asLong()).isEqualTo(1);
                        });
        Scanner.Result ja =
                scanner.typing(
                        agency.payload(a2) + "\n",
                        "audit",
                        audit.toString(),
                        "--stdin",
                        "--lang",
                        "ja");
        assertThat(ja.out()).contains("重複：").contains("予定 4、確認 3、未確認 1、予定外 1（実施中）");
        assertThat(Backend.count("SELECT count(*) FROM audit_scan WHERE audit_id = ?", audit))
                .isEqualTo(6);

        // closed: its result is fixed, with the AUDIT_SEEN event in the chains of the seen
        JsonNode closed =
                agency.post(agency.manager, "/api/v1/audits/" + audit + "/close", Map.of(), 200);
        assertThat(closed.get("found").asLong()).isEqualTo(3);
        assertThat(closed.get("missing").asLong()).isEqualTo(1);
        assertThat(closed.get("unexpected").asLong()).isEqualTo(1);
        assertThat(agency.events(atAgency.id()).findValues("type"))
                .anyMatch(t -> t.asString().equals("AUDIT_SEEN"));

        Scanner.Result late =
                scanner.typing(agency.payload(a2) + "\n", "audit", audit.toString(), "--stdin");
        assertThat(late.exit()).as(late.toString()).isEqualTo(1);
        assertThat(late.out())
                .contains("audit " + audit + " at " + agency.contractorName + " is closed")
                .contains("Nothing was scanned");
        Scanner.Result lateJa =
                scanner.typing(
                        agency.payload(a2) + "\n",
                        "audit",
                        audit.toString(),
                        "--stdin",
                        "--lang",
                        "ja");
        assertThat(lateJa.exit()).isEqualTo(1);
        assertThat(lateJa.out()).contains("は終了しており、結果は確定しています");
        assertThat(Backend.count("SELECT count(*) FROM audit_scan WHERE audit_id = ?", audit))
                .isEqualTo(6);
    }

    @Test
    void anAuditOfAnotherPartyDoesNotExistForACustodianAndNothingIsRecorded() throws Exception {
        Agency agency = new Agency(backend);
        List<Agency.Asset> assets = agency.register(2);
        agency.confirmByApi(agency.issue(assets), assets);
        UUID audit = openAudit(agency);
        Agency other = new Agency(backend);
        Scanner stranger = new Scanner(dir.resolve("other")).password(other.custodianPassword);
        assertThat(
                        stranger.run(
                                        "login",
                                        "--server",
                                        backend.url(),
                                        "--user",
                                        other.custodian.username())
                                .exit())
                .isZero();

        Scanner.Result result =
                stranger.typing(
                        agency.payload(assets.get(0)) + "\n",
                        "audit",
                        audit.toString(),
                        "--stdin",
                        "--json");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.json("error"))
                .singleElement()
                .matches(
                        e ->
                                e.get("message")
                                        .asString()
                                        .startsWith(
                                                "audit "
                                                        + audit
                                                        + " does not exist or you may not see it"));
        assertThat(result.json("scan")).isEmpty();
        Scanner.Result ja =
                stranger.typing("", "audit", audit.toString(), "--stdin", "--lang", "ja");
        assertThat(ja.out()).contains("監査 " + audit + " は存在しないか、閲覧する権限がありません");
        assertThat(Backend.count("SELECT count(*) FROM audit_scan WHERE audit_id = ?", audit))
                .isZero();
    }

    private static UUID openAudit(Agency agency) {
        JsonNode opened =
                agency.post(
                        agency.manager,
                        "/api/v1/audits",
                        Map.of("partyId", agency.contractorParty, "location", "倉庫 A"),
                        201);
        return UUID.fromString(opened.get("id").asString());
    }

    private Scanner managerScanner(Agency agency) {
        Scanner scanner = new Scanner(dir.resolve("home")).password("not-used-" + agency.suffix);
        Scanner.Result login =
                scanner.run(
                        "login", "--server", backend.url(), "--user", agency.manager.username());
        assertThat(login.exit()).as(login.toString()).isZero();
        return scanner;
    }
}
