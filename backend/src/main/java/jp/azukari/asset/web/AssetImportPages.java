package jp.azukari.asset.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.asset.AssetService;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.contract.ContractService;
import jp.azukari.contract.ContractView;
import jp.azukari.platform.Access;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.console.ConsoleSubmissions;
import jp.azukari.platform.problem.ProblemException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Registering many assets from a CSV file: choose the file, see every row and every row's error,
 * then register them all in one transaction through {@link AssetService#register} — or nothing,
 * while any row is bad. The checked rows travel back in the confirm form (UTF-8, base64) and are
 * checked again when it comes back.
 */
@ConsolePage
class AssetImportPages {

    private final AssetService assets;
    private final ContractService contracts;
    private final ConsoleSubmissions submissions;

    AssetImportPages(
            AssetService assets, ContractService contracts, ConsoleSubmissions submissions) {
        this.assets = assets;
        this.contracts = contracts;
        this.submissions = submissions;
    }

    @GetMapping("/assets/import")
    Mono<Rendering> form(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) String contract) {
        return Access.require(actor, "register assets", Role.CLERK, Role.MANAGER)
                .then(choices(actor))
                .map(list -> page(HttpStatus.OK, list, contract, null, null, null));
    }

    @PostMapping(value = "/assets/import", consumes = "multipart/form-data")
    Mono<Rendering> preview(@AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        return Access.require(actor, "register assets", Role.CLERK, Role.MANAGER)
                .then(exchange.getMultipartData())
                .flatMap(
                        parts -> {
                            String contract = field(parts, "contract");
                            Part file = parts.getFirst("file");
                            if (!(file instanceof FilePart filePart)
                                    || filePart.filename().isBlank()) {
                                return choices(actor)
                                        .map(
                                                list ->
                                                        page(
                                                                HttpStatus.BAD_REQUEST,
                                                                list,
                                                                contract,
                                                                null,
                                                                "import.error.noFile",
                                                                null));
                            }
                            return read(filePart)
                                    .flatMap(
                                            upload -> {
                                                AssetCsv.Parsed parsed = upload.parse();
                                                HttpStatus status =
                                                        parsed.allGood()
                                                                ? HttpStatus.OK
                                                                : parsed.fileError() != null
                                                                                && parsed.fileError()
                                                                                        .equals(
                                                                                                "import.error.tooLarge")
                                                                        ? HttpStatus
                                                                                .CONTENT_TOO_LARGE
                                                                        : HttpStatus
                                                                                .UNPROCESSABLE_CONTENT;
                                                return choices(actor)
                                                        .map(
                                                                list ->
                                                                        page(
                                                                                status, list,
                                                                                contract, parsed,
                                                                                null, null));
                                            });
                        });
    }

    @PostMapping("/assets/import/confirm")
    Mono<Rendering> confirm(@AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(
                        form -> {
                            String contract = form.getFirst("contract");
                            String submission = form.getFirst("submission");
                            UUID contractId = Ids.parseOrNull(contract);
                            AssetCsv.Parsed parsed =
                                    AssetCsv.parse(decodePayload(form.getFirst("payload")));
                            if (!parsed.allGood() || contractId == null) {
                                return choices(actor)
                                        .map(
                                                list ->
                                                        page(
                                                                HttpStatus.UNPROCESSABLE_CONTENT,
                                                                list,
                                                                contract,
                                                                parsed,
                                                                contractId == null
                                                                        ? "asset.error.contract"
                                                                        : null,
                                                                null));
                            }
                            List<AssetService.NewAsset> rows =
                                    parsed.rows().stream().map(r -> r.input().toNew()).toList();
                            return submissions
                                    .claim(submission, actor.userId())
                                    .flatMap(
                                            fresh -> {
                                                if (!fresh) {
                                                    return submissions
                                                            .outcome(submission, actor.userId())
                                                            .map(
                                                                    path ->
                                                                            Rendering.redirectTo(
                                                                                            path
                                                                                                    + "&again=1")
                                                                                    .build())
                                                            .switchIfEmpty(
                                                                    choices(actor)
                                                                            .map(
                                                                                    list ->
                                                                                            page(
                                                                                                    HttpStatus
                                                                                                            .CONFLICT,
                                                                                                    list,
                                                                                                    contract,
                                                                                                    parsed,
                                                                                                    "form.submit.again",
                                                                                                    null)));
                                                }
                                                String done =
                                                        "/assets?contract="
                                                                + contractId
                                                                + "&imported="
                                                                + rows.size();
                                                return assets.register(actor, contractId, rows)
                                                        .collectList()
                                                        .flatMap(
                                                                registered ->
                                                                        submissions
                                                                                .succeeded(
                                                                                        submission,
                                                                                        done)
                                                                                .thenReturn(
                                                                                        Rendering
                                                                                                .redirectTo(
                                                                                                        done)
                                                                                                .build()))
                                                        .onErrorResume(
                                                                ProblemException.class,
                                                                e ->
                                                                        submissions
                                                                                .release(submission)
                                                                                .then(
                                                                                        HttpStatus
                                                                                                                .valueOf(
                                                                                                                        e.kind()
                                                                                                                                .name())
                                                                                                                .value()
                                                                                                        == 403
                                                                                                ? Mono
                                                                                                        .error(
                                                                                                                e)
                                                                                                : choices(
                                                                                                                actor)
                                                                                                        .map(
                                                                                                                list ->
                                                                                                                        page(
                                                                                                                                HttpStatus
                                                                                                                                        .valueOf(
                                                                                                                                                e.kind()
                                                                                                                                                        .name()),
                                                                                                                                list,
                                                                                                                                contract,
                                                                                                                                parsed,
                                                                                                                                "import.refused",
                                                                                                                                e
                                                                                                                                        .detail()))));
                                            });
                        });
    }

    private Mono<List<ContractView>> choices(Actor actor) {
        return contracts.list(actor, "ACTIVE", 500, 0).collectList();
    }

    /** The file's bytes; past the limit only counted (for the message), not kept. */
    private static Mono<AssetCsv.Upload> read(FilePart file) {
        return file.content()
                .reduce(
                        new AssetCsv.Upload(),
                        (upload, buffer) -> {
                            try {
                                upload.add(buffer);
                            } finally {
                                DataBufferUtils.release(buffer);
                            }
                            return upload;
                        })
                .defaultIfEmpty(new AssetCsv.Upload());
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart f ? f.value() : null;
    }

    private static String payload(AssetCsv.Parsed parsed) {
        return parsed == null || !parsed.allGood()
                ? ""
                : Base64.getEncoder()
                        .encodeToString(parsed.text().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] decodePayload(String payload) {
        try {
            return payload == null ? new byte[0] : Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static Rendering page(
            HttpStatus status,
            List<ContractView> contracts,
            String contract,
            AssetCsv.Parsed parsed,
            String error,
            String detail) {
        return Rendering.view("console/asset-import")
                .status(status)
                .model(
                        Map.of(
                                "contracts",
                                contracts,
                                "contract",
                                contract == null ? "" : contract,
                                "parsed",
                                parsed == null ? "" : parsed,
                                "hasParsed",
                                parsed != null,
                                "error",
                                error == null ? "" : error,
                                "detail",
                                detail == null ? "" : detail,
                                "payload",
                                payload(parsed),
                                "submission",
                                ConsoleSubmissions.newId()))
                .build();
    }
}
