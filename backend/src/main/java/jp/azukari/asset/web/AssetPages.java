package jp.azukari.asset.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.asset.AssetService;
import jp.azukari.asset.AssetView;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.contract.ContractService;
import jp.azukari.label.LabelService;
import jp.azukari.platform.console.ConsolePage;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The clerk's asset screens: search, one asset's page with its label (registering one: {@link
 * AssetRegistrationPage}).
 */
@ConsolePage
class AssetPages {

    static final int PAGE_SIZE = 50;
    static final List<String> STATES =
            List.of(
                    "REGISTERED",
                    "WITH_CONTRACTOR",
                    "WITH_SUBCONTRACTOR",
                    "RETURNED",
                    "DISPOSED",
                    "LOST");

    private final AssetService assets;
    private final ContractService contracts;
    private final LabelService labels;

    AssetPages(AssetService assets, ContractService contracts, LabelService labels) {
        this.assets = assets;
        this.contracts = contracts;
        this.labels = labels;
    }

    @GetMapping("/assets")
    Mono<Rendering> search(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String contract,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String imported,
            @RequestParam(required = false) String again) {
        UUID contractId = Ids.parseOrNull(contract);
        String chosenState = state != null && STATES.contains(state) ? state : null;
        int p = Math.max(1, Math.min(page, 10_000));
        // a contract the caller may not see is the 404 page, as in the API, not an empty list
        Mono<?> inScope = contractId == null ? Mono.just(true) : contracts.find(actor, contractId);
        return inScope.then(
                Mono.zip(
                                contracts.list(actor, null, 500, 0).collectList(),
                                assets.search(
                                                actor,
                                                new AssetService.Search(q, contractId, chosenState),
                                                PAGE_SIZE + 1,
                                                (p - 1) * PAGE_SIZE)
                                        .collectList())
                        .map(
                                t -> {
                                    List<AssetView> found = t.getT2();
                                    boolean more = found.size() > PAGE_SIZE;
                                    return Rendering.view("console/assets")
                                            .model(
                                                    Map.of(
                                                            "contracts",
                                                            t.getT1(),
                                                            "assets",
                                                            more
                                                                    ? found.subList(0, PAGE_SIZE)
                                                                    : found,
                                                            "more",
                                                            more,
                                                            "page",
                                                            p,
                                                            "q",
                                                            q == null ? "" : q,
                                                            "contract",
                                                            contractId == null
                                                                    ? ""
                                                                    : contractId.toString(),
                                                            "state",
                                                            chosenState == null ? "" : chosenState,
                                                            "states",
                                                            STATES,
                                                            "imported",
                                                            imported == null ? "" : imported,
                                                            "canRegister",
                                                            actor.is(Role.CLERK)
                                                                    || actor.is(Role.MANAGER)))
                                            .modelAttribute("again", again != null)
                                            .build();
                                }));
    }

    @GetMapping("/assets/{id}")
    Mono<Rendering> asset(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) String registered,
            @RequestParam(required = false) String again) {
        return assets.find(actor, id)
                .map(
                        a ->
                                Rendering.view("console/asset")
                                        .modelAttribute("asset", a)
                                        .modelAttribute("registered", registered != null)
                                        .modelAttribute("again", again != null)
                                        .build());
    }

    /**
     * The label as printed, for the asset page's preview (PNG, in the caller's scope like the
     * API's).
     */
    @GetMapping("/assets/{id}/label.png")
    Mono<ResponseEntity<byte[]>> label(
            @AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return labels.png(actor, id, LabelService.Layout.A4_24, null, 560)
                .map(
                        png ->
                                ResponseEntity.ok()
                                        .contentType(MediaType.IMAGE_PNG)
                                        .cacheControl(CacheControl.noStore())
                                        .body(png));
    }
}
