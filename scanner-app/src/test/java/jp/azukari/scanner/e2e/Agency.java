package jp.azukari.scanner.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.auth.AccessTokens;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.label.LabelService;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people around the counter, on a real backend: an agency with a manager and a clerk, a
 * contractor with the custodian who runs the scanner (with a known password, so {@code scanner
 * login} can use it), and a contract between them. Parties and users are made in the database like
 * the backend's own tests do; everything else goes through the HTTP API as the clerk or manager
 * would use it. Names are unique, so worlds never collide on one database.
 */
final class Agency {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    final Backend backend;
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final UUID agencyParty;
    final UUID contractorParty;
    final String contractorName;
    final Actor manager;
    final Actor clerk;
    final Actor custodian;
    final String custodianPassword = "counter-pass-" + suffix;
    final UUID contract;

    Agency(Backend backend) {
        this.backend = backend;
        agencyParty = party("機関 " + suffix, "AGENCY");
        contractorName = "株式会社受託 " + suffix;
        contractorParty = party(contractorName, "CONTRACTOR");
        manager = user("manager-" + suffix, Role.MANAGER, agencyParty, "not-used-" + suffix);
        clerk = user("clerk-" + suffix, Role.CLERK, agencyParty, "not-used-" + suffix);
        custodian = user("custodian-" + suffix, Role.CUSTODIAN, contractorParty, custodianPassword);
        JsonNode made =
                post(
                        manager,
                        "/api/v1/contracts",
                        Map.of(
                                "number",
                                "E2E-" + suffix,
                                "title",
                                "調査業務 " + suffix,
                                "contractorPartyId",
                                contractorParty,
                                "startsOn",
                                "2026-01-01",
                                "endsOn",
                                "2027-12-31"),
                        201);
        contract = UUID.fromString(made.get("id").asString());
    }

    record Asset(UUID id, String tag, String title) {}

    /** What every registered asset asks of its custodian (art. 2.2). */
    static final String HANDLING = "施錠保管、持出し禁止";

    /**
     * Registers {@code count} assets on the contract, as the clerk, each with the handling
     * requirements {@link #HANDLING}: the receiving custodian has to acknowledge them (art. 2.2).
     */
    List<Asset> register(int count) {
        List<Map<String, Object>> assets = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            assets.add(
                    Map.of(
                            "kind",
                            i % 2 == 0 ? "RECORDING_MEDIA" : "DOCUMENT",
                            "title",
                            "調査票 " + suffix + " " + i,
                            "sensitivity",
                            "PERSONAL_DATA",
                            "handlingRequirements",
                            HANDLING));
        }
        JsonNode made =
                post(
                        clerk,
                        "/api/v1/contracts/" + contract + "/assets",
                        Map.of("assets", assets),
                        201);
        List<Asset> out = new ArrayList<>();
        made.forEach(
                a ->
                        out.add(
                                new Asset(
                                        UUID.fromString(a.get("id").asString()),
                                        a.get("tag").asString(),
                                        a.get("title").asString())));
        if (out.size() != count) {
            throw new IllegalStateException("registered " + out.size() + " of " + count);
        }
        return out;
    }

    /**
     * Opens one ISSUE transfer of these assets to the contractor, as the clerk at the counter; its
     * id.
     */
    UUID issue(List<Asset> assets) {
        JsonNode transfer =
                post(
                        clerk,
                        "/api/v1/transfers",
                        Map.of(
                                "kind",
                                "ISSUE",
                                "assetIds",
                                assets.stream().map(Asset::id).toList()),
                        201);
        return UUID.fromString(transfer.get("id").asString());
    }

    /** Confirms the lines through the API (no labels), as the custodian. */
    void confirmByApi(UUID transfer, List<Asset> assets) {
        post(
                custodian,
                "/api/v1/transfers/" + transfer + "/confirm",
                Map.of(
                        "assetIds",
                        assets.stream().map(Asset::id).toList(),
                        "deviceId",
                        "api-" + suffix,
                        "acknowledgedHandling",
                        true),
                200);
    }

    JsonNode transfer(UUID id) {
        return get(clerk, "/api/v1/transfers/" + id);
    }

    JsonNode events(UUID asset) {
        return get(manager, "/api/v1/assets/" + asset + "/events");
    }

    JsonNode verifyLedger() {
        return get(manager, "/api/v1/ledger/verify");
    }

    /** The label as the backend renders it for printing. */
    byte[] labelPng(UUID asset, int dpi) {
        HttpResponse<byte[]> response =
                send(
                        request(clerk, "/api/v1/assets/" + asset + "/label.png?dpi=" + dpi)
                                .GET()
                                .build());
        expect(response, 200);
        return response.body();
    }

    /** The payload printed in the asset's QR code, from the backend's own codec. */
    String payload(Asset asset) {
        return backend.bean(LabelService.class).codec().block().labelPayload(asset.tag());
    }

    JsonNode get(Actor who, String path) {
        HttpResponse<byte[]> response = send(request(who, path).GET().build());
        expect(response, 200);
        return JSON.readTree(response.body());
    }

    /** The raw body of a GET, for downloads. */
    byte[] download(Actor who, String path) {
        HttpResponse<byte[]> response = send(request(who, path).GET().build());
        expect(response, 200);
        return response.body();
    }

    JsonNode post(Actor who, String path, Object body, int expected) {
        HttpResponse<byte[]> response =
                send(
                        request(who, path)
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofByteArray(
                                                JSON.writeValueAsBytes(body)))
                                .build());
        expect(response, expected);
        return JSON.readTree(response.body());
    }

    /**
     * A fresh token each time: a backend with a two-second token lifetime would otherwise refuse an
     * old one.
     */
    private HttpRequest.Builder request(Actor who, String path) {
        String token = backend.bean(AccessTokens.class).issue(who).block();
        return HttpRequest.newBuilder(URI.create(backend.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private UUID party(String name, String kind) {
        UUID id = UUID.randomUUID();
        backend.bean(DatabaseClient.class)
                .sql("INSERT INTO party (id, name, kind) VALUES (:id, :name, :kind)")
                .bind("id", id)
                .bind("name", name)
                .bind("kind", kind)
                .then()
                .block();
        return id;
    }

    private Actor user(String username, Role role, UUID party, String password) {
        UUID id = UUID.randomUUID();
        String hash = backend.bean(PasswordEncoder.class).encode(password);
        backend.bean(DatabaseClient.class)
                .sql(
                        "INSERT INTO app_user (id, username, display_name, party_id, role, password_hash) "
                                + "VALUES (:id, :username, :display, :party, :role, :hash)")
                .bind("id", id)
                .bind("username", username)
                .bind("display", role.name() + " " + username)
                .bind("party", party)
                .bind("role", role.name())
                .bind("hash", hash)
                .then()
                .block();
        return new Actor(id, username, role, party);
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<byte[]> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    response.request().method()
                            + " "
                            + response.request().uri()
                            + " answered "
                            + response.statusCode()
                            + " (expected "
                            + status
                            + "): "
                            + new String(response.body()));
        }
    }
}
