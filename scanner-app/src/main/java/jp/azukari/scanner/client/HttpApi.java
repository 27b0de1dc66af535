package jp.azukari.scanner.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backend's HTTP API as docs/contracts.md describes it, one method per call, each taking the
 * access token it should send. The whole exchange, body included, must finish within the request
 * timeout; a server that accepts the connection and then hangs is reported as a timeout, not waited
 * for.
 */
public final class HttpApi {

    private static final String JSON = "application/json";

    private final HttpClient http;
    private final String base;
    private final Duration requestTimeout;
    private final JsonMapper json;

    public HttpApi(HttpClient http, URI server, Duration requestTimeout, JsonMapper json) {
        this.http = http;
        this.base = server.toString().replaceAll("/+$", "") + "/api/v1";
        this.requestTimeout = requestTimeout;
        this.json = json;
    }

    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Tokens token(String username, char[] password) throws ApiException {
        try {
            return send(
                    post(
                            "/auth/token",
                            Map.of("username", username, "password", new String(password))),
                    Tokens.class);
        } catch (ApiException.Refused refused) {
            if (refused.problem().status() == 401 || refused.problem().status() == 400) {
                throw new ApiException.LoginRequired(
                        ApiException.LoginRequired.Why.WRONG_CREDENTIALS,
                        refused.problem().explanation());
            }
            throw refused;
        }
    }

    public Tokens refresh(String refreshToken) throws ApiException {
        return send(post("/auth/refresh", Map.of("refreshToken", refreshToken)), Tokens.class);
    }

    public void logout(String refreshToken) throws ApiException {
        send(post("/auth/logout", Map.of("refreshToken", refreshToken)), Void.class);
    }

    public ScanResult.Results postScans(String accessToken, ScanBatch batch) throws ApiException {
        return send(authorized(post("/scans", batch), accessToken), ScanResult.Results.class);
    }

    public Transfer transfer(String accessToken, UUID id) throws ApiException {
        return send(authorized(get("/transfers/" + id), accessToken), Transfer.class);
    }

    public Audit audit(String accessToken, UUID id) throws ApiException {
        return send(authorized(get("/audits/" + id), accessToken), Audit.class);
    }

    /**
     * Starts a transfer. The contract has no client id for this call; {@code Idempotency-Key}
     * carries the queue's request id so that a server honouring it can recognise a retry after a
     * crash.
     */
    public Transfer createTransfer(String accessToken, NewTransfer transfer, UUID requestId)
            throws ApiException {
        return send(
                authorized(post("/transfers", transfer), accessToken)
                        .header("Idempotency-Key", requestId.toString()),
                Transfer.class);
    }

    public ResolvedLabel resolve(String accessToken, String payload) throws ApiException {
        String query = "?payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        return send(authorized(get("/labels/resolve" + query), accessToken), ResolvedLabel.class);
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder post(String path, Object body) {
        return request(path)
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(requestTimeout)
                .header("Accept", JSON + ", application/problem+json");
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String accessToken) {
        return request.header("Authorization", "Bearer " + accessToken);
    }

    private <T> T send(HttpRequest.Builder request, Class<T> type) throws ApiException {
        HttpResponse<byte[]> response = exchange(request.build());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return type == Void.class ? null : parse(response.body(), type);
        }
        if (status >= 500 || status == 408) {
            throw new ApiException.Unavailable(
                    status == 408
                            ? ApiException.Unavailable.Why.TIMEOUT
                            : ApiException.Unavailable.Why.SERVER_ERROR,
                    "HTTP " + status + problemText(response.body()),
                    null);
        }
        throw new ApiException.Refused(problem(status, response.body()));
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) throws ApiException {
        CompletableFuture<HttpResponse<byte[]>> pending =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new ApiException.Unavailable(
                    ApiException.Unavailable.Why.TIMEOUT, request.uri().toString(), e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiException.Unavailable(
                    ApiException.Unavailable.Why.UNREACHABLE, "interrupted", e);
        } catch (ExecutionException e) {
            throw unavailable(request, e.getCause());
        }
    }

    private static ApiException unavailable(HttpRequest request, Throwable cause) {
        if (cause instanceof HttpTimeoutException
                && !(cause instanceof HttpConnectTimeoutException)) {
            return new ApiException.Unavailable(
                    ApiException.Unavailable.Why.TIMEOUT, request.uri().toString(), cause);
        }
        URI uri = request.uri();
        String where = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        ApiException.Unavailable.Why why =
                cause instanceof IOException
                        ? ApiException.Unavailable.Why.UNREACHABLE
                        : ApiException.Unavailable.Why.BAD_ANSWER;
        return new ApiException.Unavailable(why, where + ", " + describe(cause), cause);
    }

    /**
     * The JDK often leaves these without a message; the person at the counter still deserves a
     * word.
     */
    private static String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
            return "unknown host";
        }
        return cause == null || cause.getMessage() == null ? "no connection" : cause.getMessage();
    }

    private <T> T parse(byte[] body, Class<T> type) throws ApiException {
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new ApiException.Unavailable(
                        ApiException.Unavailable.Why.BAD_ANSWER, "empty answer", null);
            }
            return value;
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ApiException.Unavailable(
                    ApiException.Unavailable.Why.BAD_ANSWER,
                    "not the JSON the contract describes: " + firstLine(e.getMessage()),
                    e);
        }
    }

    /**
     * A 4xx answer is a definite "no" only if it is a problem document. Anything else (an HTML page
     * from a proxy, a bare 404 from a wrong URL) is treated as a server we cannot talk to, so that
     * nothing queued is thrown away.
     */
    private Problem problem(int status, byte[] body) throws ApiException {
        JsonNode node = tree(body);
        if (node != null
                && node.isObject()
                && (node.has("title") || node.has("detail") || node.has("code"))) {
            return new Problem(
                    text(node, "type"),
                    text(node, "title"),
                    node.path("status").asInt(status),
                    text(node, "detail"),
                    text(node, "code"),
                    text(node, "article"));
        }
        if (status == 401 || status == 403 || status == 429) {
            return new Problem(null, null, status, null, null, null);
        }
        throw new ApiException.Unavailable(
                ApiException.Unavailable.Why.BAD_ANSWER, "HTTP " + status, null);
    }

    private String problemText(byte[] body) {
        JsonNode node = tree(body);
        String detail = node == null ? null : text(node, "detail");
        return detail == null ? "" : ": " + detail;
    }

    private JsonNode tree(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
