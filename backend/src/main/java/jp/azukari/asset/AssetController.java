package jp.azukari.asset;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import jp.azukari.access.AccessLog;
import jp.azukari.access.web.ReadOrigin;
import jp.azukari.common.Actor;
import jp.azukari.core.label.CounterInput;
import jp.azukari.core.label.Tags;
import jp.azukari.ledger.EventView;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
class AssetController {

    private final AssetService assets;
    private final AccessLog accessLog;

    AssetController(AssetService assets, AccessLog accessLog) {
        this.assets = assets;
        this.accessLog = accessLog;
    }

    enum Kind {
        DOCUMENT,
        DATA,
        RECORDING_MEDIA,
        EQUIPMENT,
        SOFTWARE
    }

    enum Sensitivity {
        PUBLIC,
        INTERNAL,
        CONFIDENTIAL,
        PERSONAL_DATA
    }

    record AssetRequest(
            @Pattern(
                            regexp = Tags.REGEX,
                            message =
                                    "must be 1-40 of A-Z 0-9 . / - starting with a letter or digit")
                    String tag,
            @NotNull Kind kind,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 100) String serialNumber,
            @NotNull Sensitivity sensitivity,
            @Size(max = 2000) String handlingRequirements) {

        AssetService.NewAsset toNew() {
            return new AssetService.NewAsset(
                    tag,
                    kind.name(),
                    title.strip(),
                    serialNumber,
                    sensitivity.name(),
                    handlingRequirements);
        }
    }

    record RegisterRequest(
            @NotEmpty @Size(max = AssetService.MAX_BATCH)
                    List<@Valid @NotNull AssetRequest> assets) {}

    record RegisterWithContractRequest(
            @NotNull UUID contractId,
            @NotEmpty @Size(max = AssetService.MAX_BATCH)
                    List<@Valid @NotNull AssetRequest> assets) {}

    @PostMapping("/api/v1/contracts/{contractId}/assets")
    @ResponseStatus(HttpStatus.CREATED)
    Flux<AssetView> register(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID contractId,
            @Valid @RequestBody RegisterRequest body) {
        return assets.register(
                actor, contractId, body.assets().stream().map(AssetRequest::toNew).toList());
    }

    @PostMapping("/api/v1/assets")
    @ResponseStatus(HttpStatus.CREATED)
    Flux<AssetView> registerWithContract(
            @AuthenticationPrincipal Actor actor,
            @Valid @RequestBody RegisterWithContractRequest body) {
        return assets.register(
                actor, body.contractId(), body.assets().stream().map(AssetRequest::toNew).toList());
    }

    @GetMapping("/api/v1/contracts/{contractId}/assets")
    Flux<AssetView> ofContract(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID contractId,
            @RequestParam(defaultValue = "1000") @Min(1) @Max(5000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return assets.listOfContract(actor, contractId, limit, offset);
    }

    @GetMapping("/api/v1/assets")
    Flux<AssetView> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID contractId,
            @RequestParam(required = false)
                    @Pattern(
                            regexp =
                                    "REGISTERED|WITH_CONTRACTOR|WITH_SUBCONTRACTOR|RETURNED|DISPOSED|LOST")
                    String state,
            @RequestParam(required = false) UUID holderPartyId,
            // as typed at a counter: full-width, dash look-alikes, lower case and a wedge's CR/LF
            // are read as the tag
            @RequestParam(required = false) @Size(max = 200) String tag,
            @RequestParam(defaultValue = "100") @Min(1) @Max(5000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return assets.list(
                actor,
                new AssetService.Filter(
                        contractId,
                        state,
                        holderPartyId,
                        tag == null ? null : CounterInput.tag(tag)),
                limit,
                offset);
    }

    @GetMapping("/api/v1/assets/{id}")
    reactor.core.publisher.Mono<AssetView> get(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            ServerHttpRequest request) {
        return assets.find(actor, id)
                .flatMap(
                        a ->
                                accessLog
                                        .read(
                                                actor,
                                                a.id(),
                                                a.contractId(),
                                                AccessLog.Action.DETAIL,
                                                ReadOrigin.of(request))
                                        .thenReturn(a));
    }

    @GetMapping("/api/v1/assets/{id}/events")
    Flux<EventView> events(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            ServerHttpRequest request) {
        return assets.find(actor, id)
                .flatMap(
                        a ->
                                accessLog.read(
                                        actor,
                                        a.id(),
                                        a.contractId(),
                                        AccessLog.Action.EVENTS,
                                        ReadOrigin.of(request)))
                .thenMany(assets.history(actor, id))
                .map(EventView::of);
    }
}
