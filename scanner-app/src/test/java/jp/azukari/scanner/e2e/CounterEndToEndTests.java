package jp.azukari.scanner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The counter, end to end: the scanner app against the real backend on a real PostgreSQL, one
 * backend for the class (each test makes its own agency, contractor and contract). Confirming an
 * issue from photos of the printed labels, the durable queue through a server outage and a SIGKILL,
 * and a transfer request whose answer was lost or late.
 */
class CounterEndToEndTests {

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
    void theCustodianConfirmsAnIssueOfThirtyFromPhotosAndTheLedgerShowsEachScan() throws Exception {
        Agency agency = new Agency(backend);
        List<Agency.Asset> assets = agency.register(30);
        UUID transfer = agency.issue(assets);
        Photos.of(agency, assets, 6, dir.resolve("photos")); // five photos of six labels each
        Scanner scanner = new Scanner(dir.resolve("home")).password(agency.custodianPassword);
        assertThat(
                        scanner.run(
                                        "login",
                                        "--server",
                                        backend.url(),
                                        "--user",
                                        agency.custodian.username())
                                .exit())
                .isZero();

        // art. 2.2: at the terminal, the requirements are printed and acknowledged once, with a y
        Scanner.Result result =
                new Scanner(dir.resolve("home"))
                        .atATerminal()
                        .typing(
                                "y\n",
                                "confirm",
                                transfer.toString(),
                                dir.resolve("photos").toString(),
                                "--device-id",
                                "counter-e2e-1");

        assertThat(result.exit()).as(result.toString()).isZero();
        String shown = result.out().substring(0, result.out().indexOf("✓ "));
        assertThat(shown)
                .as(result.toString())
                .contains(
                        "Handling requirements of transfer " + transfer + " (art. 2.2), 30 assets:")
                .contains("Acknowledge (y/N): ");
        for (Agency.Asset asset : assets) {
            assertThat(shown)
                    .contains("  - " + asset.tag() + "  " + asset.title() + ": " + Agency.HANDLING);
        }
        List<String> confirmed =
                result.out().lines().filter(line -> line.startsWith("✓ ")).toList();
        assertThat(confirmed)
                .as(result.toString())
                .hasSize(30)
                .allMatch(line -> line.contains("receipt confirmed"));
        for (Agency.Asset asset : assets) {
            assertThat(confirmed)
                    .as(asset.tag())
                    .filteredOn(line -> line.startsWith("✓ " + asset.tag() + "  "))
                    .hasSize(1)
                    .allMatch(line -> line.contains(asset.title()));
        }
        assertThat(result.out())
                .contains("Every line of transfer " + transfer + " is confirmed.")
                .endsWith("30 succeeded, 0 failed, 0 queued\n");

        JsonNode view = agency.transfer(transfer);
        assertThat(view.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(view.get("lines"))
                .hasSize(30)
                .allMatch(line -> line.get("status").asString().equals("CONFIRMED"));
        for (Agency.Asset asset : assets) {
            List<JsonNode> issued = issued(agency, asset);
            assertThat(issued).as(asset.tag()).hasSize(1);
            JsonNode event = issued.get(0);
            assertThat(event.get("deviceId").asString()).isEqualTo("counter-e2e-1");
            assertThat(event.get("scannedPayload").asString()).isEqualTo(agency.payload(asset));
            assertThat(event.get("actorUserId").asString())
                    .isEqualTo(agency.custodian.userId().toString());
            assertThat(event.get("transferId").asString()).isEqualTo(transfer.toString());
            assertThat(event.get("toPartyId").asString())
                    .isEqualTo(agency.contractorParty.toString());
            assertThat(event.get("note").asString())
                    .startsWith("handling acknowledged: " + Agency.HANDLING + " (sha256 ");
        }
        assertThat(agency.verifyLedger().get("verified").asBoolean()).isTrue();
    }

    @Test
    void withoutAnAcknowledgementNothingIsSentAndWhatWasQueuedWithoutOneTheServerRefusesClearly()
            throws Exception {
        Agency agency = new Agency(backend);
        List<Agency.Asset> assets = agency.register(2);
        UUID transfer = agency.issue(assets);
        Path photo = Photos.of(agency, assets, 2, dir.resolve("photos")).get(0);
        Scanner scanner = new Scanner(dir.resolve("home")).password(agency.custodianPassword);
        assertThat(
                        scanner.run(
                                        "login",
                                        "--server",
                                        backend.url(),
                                        "--user",
                                        agency.custodian.username())
                                .exit())
                .isZero();

        // unattended, without --acknowledge-handling: the requirements are printed, nothing is read
        Scanner.Result unattended =
                scanner.run("confirm", transfer.toString(), photo.toString(), "--json");

        assertThat(unattended.exit()).as(unattended.toString()).isEqualTo(1);
        JsonNode handling = unattended.json("handling").get(0);
        assertThat(handling.get("consent").asString()).isEqualTo("REFUSED");
        assertThat(handling.get("requirements"))
                .hasSize(2)
                .allMatch(r -> r.get("handlingRequirements").asString().equals(Agency.HANDLING));
        assertThat(unattended.json("scan")).isEmpty();
        assertThat(unattended.json("error").get(0).get("message").asString())
                .contains("--acknowledge-handling");

        // at the terminal, answered no
        Scanner.Result declined =
                new Scanner(dir.resolve("home"))
                        .atATerminal()
                        .typing("n\n", "confirm", transfer.toString(), photo.toString());

        assertThat(declined.exit()).as(declined.toString()).isEqualTo(1);
        assertThat(declined.out())
                .contains(
                        "the handling requirements were not acknowledged, so nothing was scanned or sent")
                .doesNotContain("✓ ");
        assertThat(Backend.count("SELECT count(*) FROM scan WHERE transfer_id = ?", transfer))
                .isZero();

        // offline the requirements cannot be shown: queued without an acknowledgement, the server
        // refuses them with its code, and the counter is told what to do
        backend.stop();
        Scanner.Result offline;
        try {
            offline = scanner.run("confirm", transfer.toString(), photo.toString(), "--json");
        } finally {
            backend.start();
        }
        assertThat(offline.exit()).as(offline.toString()).isEqualTo(3);
        assertThat(offline.json("handling").get(0).get("acknowledged").asString())
                .isEqualTo("false");
        Scanner.Result refused = scanner.run("sync", "--lang", "ja");

        assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.out().lines().filter(line -> line.startsWith("✗ ")))
                .as(refused.toString())
                .hasSize(2)
                .allMatch(line -> line.contains("取扱条件が確認されていません"))
                .allMatch(line -> line.contains("HANDLING_NOT_ACKNOWLEDGED"));
        assertThat(agency.transfer(transfer).get("status").asString()).isEqualTo("OPEN");
        assertThat(issued(agency, assets.get(0))).isEmpty();

        // acknowledged for unattended use: confirmed, and the acknowledgement is in the ledger
        Scanner.Result acknowledged =
                scanner.run(
                        "confirm",
                        transfer.toString(),
                        photo.toString(),
                        "--acknowledge-handling",
                        "--json");

        assertThat(acknowledged.exit()).as(acknowledged.toString()).isZero();
        assertThat(acknowledged.json("handling").get(0).get("consent").asString())
                .isEqualTo("BY_OPTION");
        assertThat(agency.transfer(transfer).get("status").asString()).isEqualTo("COMPLETED");
        for (Agency.Asset asset : assets) {
            assertThat(issued(agency, asset).get(0).get("note").asString())
                    .startsWith("handling acknowledged: " + Agency.HANDLING);
        }

        // once per transfer: at the terminal again, nobody is asked
        Scanner.Result again =
                new Scanner(dir.resolve("home"))
                        .atATerminal()
                        .typing("", "confirm", transfer.toString(), photo.toString());
        assertThat(again.out())
                .as(again.toString())
                .contains("Acknowledged earlier on this device")
                .doesNotContain("Acknowledge (y/N)");
    }

    @Test
    void scansQueuedWhileTheServerIsDownSurviveAKillDuringSyncAndCountExactlyOnce()
            throws Exception {
        Agency agency = new Agency(backend);
        List<Agency.Asset> assets = agency.register(50);
        UUID transfer = agency.issue(assets);
        Map<UUID, String> payloads = new LinkedHashMap<>();
        assets.forEach(asset -> payloads.put(asset.id(), agency.payload(asset)));
        Scanner scanner = new Scanner(dir.resolve("home")).password(agency.custodianPassword);
        assertThat(
                        scanner.run(
                                        "login",
                                        "--server",
                                        backend.url(),
                                        "--user",
                                        agency.custodian.username())
                                .exit())
                .isZero();

        // The server goes away; 50 labels are scanned at the counter with a keyboard-wedge scanner.
        backend.stop();
        Scanner.Result offline;
        try {
            offline =
                    scanner.start(
                                    "confirm",
                                    transfer.toString(),
                                    "--stdin",
                                    "--acknowledge-handling",
                                    "--json",
                                    "--device-id",
                                    "counter-e2e-2")
                            .type(String.join("\n", payloads.values()) + "\n")
                            .finish(120);
        } finally {
            backend.start();
        }
        assertThat(offline.exit()).as(offline.toString()).isEqualTo(3);
        assertThat(offline.json("handling"))
                .singleElement()
                .satisfies(h -> assertThat(h.get("acknowledged").asString()).isEqualTo("true"));
        assertThat(offline.json("note"))
                .as(offline.toString())
                .anyMatch(note -> note.path("reason").asString().equals("UNREACHABLE"));
        List<JsonNode> queued = offline.json("scan");
        assertThat(queued)
                .as(offline.toString())
                .hasSize(50)
                .allMatch(scan -> scan.get("mark").asString().equals("QUEUED"));
        Set<String> scanIds =
                queued.stream()
                        .map(scan -> scan.get("scanId").asString())
                        .collect(Collectors.toSet());
        assertThat(scanIds).hasSize(50);
        assertThat(Backend.count("SELECT count(*) FROM scan WHERE transfer_id = ?", transfer))
                .isZero();

        // Back online: sync in batches of 5, killed with SIGKILL while its second batch is with the
        // server. The rows
        // of assets 6-50 are held by another transaction, so that batch waits inside the server
        // until after the kill.
        List<UUID> held = assets.subList(5, 50).stream().map(Agency.Asset::id).toList();
        try (Connection holder = Backend.superuser()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock =
                    holder.prepareStatement("SELECT id FROM asset WHERE id = ANY(?) FOR UPDATE")) {
                lock.setArray(1, holder.createArrayOf("uuid", held.toArray()));
                lock.executeQuery().close();
            }
            Scanner.Running sync = scanner.start("sync", "--batch-size", "5", "--json");
            await(
                    () ->
                            Backend.count(
                                                    "SELECT count(*) FROM scan WHERE transfer_id = ?",
                                                    transfer)
                                            >= 5
                                    && waitingForALock() > 0,
                    sync);
            sync.kill();
            assertThat(Backend.count("SELECT count(*) FROM scan WHERE transfer_id = ?", transfer))
                    .isEqualTo(5);
            holder.rollback();
        }
        // The server drops the batch of the scanner that went away (as observed: its transaction is
        // cancelled with the
        // connection), or finishes it; either way that batch is still in the scanner's queue, as
        // sent-but-unanswered.
        awaitServerIdle();
        assertThat(Backend.count("SELECT count(*) FROM scan WHERE transfer_id = ?", transfer))
                .isIn(5L, 10L);

        Scanner.Result again = scanner.start("sync", "--json").finish(120);

        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.json("scan"))
                .as(again.toString())
                .allMatch(
                        scan ->
                                scan.get("mark").asString().equals("OK")
                                        && scan.get("result").asString().equals("CONFIRMED"))
                .allMatch(scan -> scanIds.contains(scan.get("scanId").asString()));
        assertThat(scanner.run("sync").out()).contains("nothing waiting in the queue");

        assertThat(Backend.query("SELECT scan_id FROM scan WHERE transfer_id = ?", transfer))
                .hasSize(50)
                .containsExactlyInAnyOrderElementsOf(scanIds);
        assertThat(
                        Backend.query(
                                "SELECT DISTINCT result FROM scan WHERE transfer_id = ?", transfer))
                .containsExactly("CONFIRMED");
        List<UUID> ids = new ArrayList<>(payloads.keySet());
        assertThat(
                        Backend.count(
                                "SELECT count(*) FROM custody_event WHERE asset_id = ANY(?) AND type = 'ISSUED'",
                                ids))
                .isEqualTo(50);
        assertThat(
                        Backend.count(
                                "SELECT count(DISTINCT asset_id) FROM custody_event WHERE asset_id = ANY(?) AND type = 'ISSUED'",
                                ids))
                .isEqualTo(50);
        assertThat(
                        Backend.query(
                                "SELECT DISTINCT type FROM custody_event WHERE asset_id = ANY(?)",
                                ids))
                .containsExactlyInAnyOrder("REGISTERED", "TRANSFER_OPENED", "ISSUED");
        for (Agency.Asset asset : assets) {
            JsonNode event = issued(agency, asset).get(0);
            assertThat(event.get("deviceId").asString()).isEqualTo("counter-e2e-2");
            assertThat(event.get("scannedPayload").asString()).isEqualTo(payloads.get(asset.id()));
            assertThat(event.get("note").asString())
                    .isEqualTo("handling acknowledged: " + Agency.HANDLING);
        }
        assertThat(agency.transfer(transfer).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(agency.verifyLedger().get("verified").asBoolean()).isTrue();
    }

    @Test
    void aReturnWhoseAnswerWasLostIsAskedForAgainAndTheServerAnswersWithTheSameTransfer()
            throws Exception {
        Agency agency = new Agency(backend);
        List<Agency.Asset> assets = agency.register(3);
        agency.confirmByApi(agency.issue(assets), assets);
        Path photo = Photos.of(agency, assets, 3, dir.resolve("photos")).get(0);
        try (LosingProxy network = LosingProxy.to(backend.url())) {
            Scanner scanner = new Scanner(dir.resolve("home")).password(agency.custodianPassword);
            assertThat(
                            scanner.run(
                                            "login",
                                            "--server",
                                            network.url(),
                                            "--user",
                                            agency.custodian.username())
                                    .exit())
                    .isZero();
            network.loseNextAnswerTo("POST /api/v1/transfers ");

            Scanner.Result first =
                    scanner.run(
                            "transfer",
                            "--kind",
                            "RETURN",
                            "--to",
                            agency.agencyParty.toString(),
                            photo.toString(),
                            "--json");

            assertThat(network.lostIt()).as(first.toString()).isTrue();
            assertThat(first.exit()).as(first.toString()).isEqualTo(3);
            JsonNode queued = first.json("transfer").get(0);
            assertThat(queued.get("result").asString()).isEqualTo("QUEUED");
            String requestId = queued.get("requestId").asString();
            List<String> made = returnsOf(assets);
            assertThat(made).as("the server did start it: only the answer was lost").hasSize(1);

            Scanner.Result again = scanner.run("sync", "--json");

            assertThat(again.exit()).as(again.toString()).isZero();
            JsonNode started = again.json("transfer").get(0);
            assertThat(started.get("result").asString()).isEqualTo("STARTED");
            assertThat(started.get("requestId").asString()).isEqualTo(requestId);
            assertThat(started.get("transferId").asString()).isEqualTo(made.get(0));
            assertThat(returnsOf(assets)).containsExactlyElementsOf(made);
            assertThat(
                            Backend.query(
                                    "SELECT transfer_id FROM transfer_request WHERE user_id = ? AND idempotency_key = ?",
                                    agency.custodian.userId(),
                                    requestId))
                    .containsExactlyElementsOf(made);
            JsonNode view = agency.transfer(UUID.fromString(made.get(0)));
            assertThat(view.get("status").asString()).isEqualTo("OPEN");
            assertThat(view.get("lines")).hasSize(3);
        }
    }

    @Test
    void aReturnThatTimedOutWhileTheServerWasBusyIsAskedForAgainAndStartedOnce() throws Exception {
        Agency agency = new Agency(backend);
        List<Agency.Asset> assets = agency.register(2);
        agency.confirmByApi(agency.issue(assets), assets);
        Path photo = Photos.of(agency, assets, 2, dir.resolve("photos")).get(0);
        Scanner scanner = new Scanner(dir.resolve("home")).password(agency.custodianPassword);
        assertThat(
                        scanner.run(
                                        "login",
                                        "--server",
                                        backend.url(),
                                        "--user",
                                        agency.custodian.username())
                                .exit())
                .isZero();
        Scanner.Result first;
        try (Connection holder = Backend.superuser()) {
            // Another transaction holds the assets: the server takes the request and cannot finish
            // it in time.
            holder.setAutoCommit(false);
            try (PreparedStatement lock =
                    holder.prepareStatement("SELECT id FROM asset WHERE id = ANY(?) FOR UPDATE")) {
                lock.setArray(
                        1,
                        holder.createArrayOf(
                                "uuid", assets.stream().map(Agency.Asset::id).toArray()));
                lock.executeQuery().close();
            }
            first =
                    scanner.run(
                            "transfer",
                            "--kind",
                            "RETURN",
                            "--to",
                            agency.agencyParty.toString(),
                            photo.toString(),
                            "--json",
                            "--request-timeout",
                            "2");
            holder.rollback();
        }
        assertThat(first.exit()).as(first.toString()).isEqualTo(3);
        assertThat(first.json("note"))
                .anyMatch(note -> note.path("reason").asString().equals("TIMEOUT"));
        JsonNode queued = first.json("transfer").get(0);
        assertThat(queued.get("result").asString()).isEqualTo("QUEUED");
        String requestId = queued.get("requestId").asString();
        awaitServerIdle();
        // The server drops the request when the scanner hangs up. Sometimes its claim on the key
        // goes too; at other
        // times the claim stays, without a transfer, until the server frees it 30 s later, and a
        // retry in between is
        // told "still being processed" (409): the request must then wait in the queue, not be given
        // up.
        List<String> claim =
                Backend.query(
                        "SELECT coalesce(transfer_id::text, 'none') FROM transfer_request "
                                + "WHERE user_id = ? AND idempotency_key = ?",
                        agency.custodian.userId(),
                        requestId);
        if (claim.equals(List.of("none"))) {
            Scanner.Result early = scanner.run("sync", "--json");

            assertThat(early.exit()).as(early.toString()).isEqualTo(3);
            assertThat(early.json("note"))
                    .singleElement()
                    .satisfies(
                            note -> {
                                assertThat(note.get("reason").asString()).isEqualTo("SERVER_ERROR");
                                assertThat(note.get("message").asString())
                                        .contains("still being processed");
                            });
            assertThat(returnsOf(assets)).isEmpty();
            Backend.query(
                    "UPDATE transfer_request SET created_at = created_at - interval '1 minute' "
                            + "WHERE idempotency_key = ? RETURNING 1",
                    requestId); // as if the 30 s had passed
        }
        // Otherwise the claim went with the request (nothing was started), or the server finished
        // before it noticed
        // (the retry gets that transfer): either way the retry below ends with one transfer.

        Scanner.Result again = scanner.run("sync", "--json");

        assertThat(again.exit()).as(again.toString()).isZero();
        JsonNode started = again.json("transfer").get(0);
        assertThat(started.get("result").asString()).isEqualTo("STARTED");
        assertThat(started.get("requestId").asString()).isEqualTo(requestId);
        assertThat(returnsOf(assets)).containsExactly(started.get("transferId").asString());
    }

    private static List<String> returnsOf(List<Agency.Asset> assets) {
        return Backend.query(
                "SELECT DISTINCT t.id FROM transfer t JOIN transfer_line l ON l.transfer_id = t.id "
                        + "WHERE t.kind = 'RETURN' AND l.asset_id = ANY(?)",
                assets.stream().map(Agency.Asset::id).toList());
    }

    /** Sessions of the application waiting for a row lock. */
    private static long waitingForALock() {
        return Backend.count(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = 'azukari_app' AND wait_event_type = 'Lock'");
    }

    /** No transaction of the application is open any more. */
    private static void awaitServerIdle() throws Exception {
        await(
                () ->
                        Backend.count(
                                        "SELECT count(*) FROM pg_stat_activity WHERE usename = 'azukari_app' AND state <> 'idle'")
                                == 0,
                null);
    }

    private static void await(BooleanSupplier condition, Scanner.Running process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (process != null && !process.process().isAlive()) {
                throw new AssertionError(
                        "the scanner ended before it could be killed:\n" + process.output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "timed out waiting" + (process == null ? "" : ":\n" + process.output()));
            }
            Thread.sleep(20);
        }
    }

    private static List<JsonNode> issued(Agency agency, Agency.Asset asset) {
        List<JsonNode> events = new ArrayList<>();
        agency.events(asset.id()).forEach(events::add);
        return events.stream()
                .filter(e -> e.get("type").asString().equals("ISSUED"))
                .collect(Collectors.toList());
    }
}
