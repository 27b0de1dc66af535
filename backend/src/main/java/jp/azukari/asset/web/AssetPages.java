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
import jp.azukari.platform.Access;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.console.ConsoleSubmissions;
import jp.azukari.platform.problem.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** The clerk's asset screens: search, one asset's page with its label, registering one asset. */
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

    record NewAssetForm(
            String contract,
            String tag,
            String kind,
            String title,
            String serialNumber,
            String sensitivity,
            String handling,
            String submission) {

        AssetInput input() {
            return new AssetInput(tag, kind, title, serialNumber, sensitivity, handling);
        }
    }

    private final AssetService assets;
    private final ContractService contracts;
    private final LabelService labels;
    private final ConsoleSubmissions submissions;

    AssetPages(
            AssetService assets,
            ContractService contracts,
            LabelService labels,
            ConsoleSubmissions submissions) {
        this.assets = assets;
        this.contracts = contracts;
        this.labels = labels;
        this.submissions = submissions;
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

    @GetMapping("/assets/new")
    Mono<Rendering> newAsset(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) String contract) {
        return Access.require(actor, "register assets", Role.CLERK, Role.MANAGER)
                .then(contracts.list(actor, "ACTIVE", 500, 0).collectList())
                .map(
                        list ->
                                form(
                                        HttpStatus.OK,
                                        list,
                                        new NewAssetForm(
                                                contract,
                                                "",
                                                "",
                                                "",
                                                "",
                                                "",
                                                "",
                                                ConsoleSubmissions.newId()),
                                        List.of(),
                                        null));
    }

    @PostMapping("/assets/new")
    Mono<Rendering> register(
            @AuthenticationPrincipal Actor actor, @ModelAttribute NewAssetForm form) {
        UUID contractId = Ids.parseOrNull(form.contract());
        List<AssetInput.Problem> problems = new java.util.ArrayList<>(form.input().problems());
        if (contractId == null) {
            problems.add(0, new AssetInput.Problem("contract", "asset.error.contract", ""));
        }
        Mono<List<jp.azukari.contract.ContractView>> choices =
                contracts.list(actor, "ACTIVE", 500, 0).collectList();
        if (!problems.isEmpty()) {
            return choices.map(list -> form(HttpStatus.BAD_REQUEST, list, form, problems, null));
        }
        return submissions
                .claim(form.submission(), actor.userId())
                .flatMap(
                        fresh ->
                                !fresh
                                        ? again(actor, form.submission(), choices, form)
                                        : assets.register(
                                                        actor,
                                                        contractId,
                                                        List.of(form.input().toNew()))
                                                .next()
                                                .flatMap(
                                                        a ->
                                                                submissions
                                                                        .succeeded(
                                                                                form.submission(),
                                                                                "/assets/" + a.id())
                                                                        .thenReturn(
                                                                                Rendering
                                                                                        .redirectTo(
                                                                                                "/assets/"
                                                                                                        + a
                                                                                                                .id()
                                                                                                        + "?registered=1")
                                                                                        .build()))
                                                .onErrorResume(
                                                        ProblemException.class,
                                                        e ->
                                                                submissions
                                                                        .release(form.submission())
                                                                        .then(
                                                                                HttpStatus.valueOf(
                                                                                                                        e.kind()
                                                                                                                                .name())
                                                                                                                .value()
                                                                                                        == 404
                                                                                                || HttpStatus
                                                                                                                .valueOf(
                                                                                                                        e.kind()
                                                                                                                                .name())
                                                                                                                .value()
                                                                                                        == 403
                                                                                        ? Mono
                                                                                                .error(
                                                                                                        e)
                                                                                        : choices
                                                                                                .map(
                                                                                                        list ->
                                                                                                                form(
                                                                                                                        HttpStatus
                                                                                                                                .valueOf(
                                                                                                                                        e.kind()
                                                                                                                                                .name()),
                                                                                                                        list,
                                                                                                                        form,
                                                                                                                        List
                                                                                                                                .of(),
                                                                                                                        e
                                                                                                                                .detail())))));
    }

    private Mono<Rendering> again(
            Actor actor,
            String submission,
            Mono<List<jp.azukari.contract.ContractView>> choices,
            NewAssetForm form) {
        return submissions
                .outcome(submission, actor.userId())
                .map(path -> Rendering.redirectTo(path + "?again=1").build())
                .switchIfEmpty(
                        choices.map(list -> form(HttpStatus.CONFLICT, list, form, List.of(), null)))
                .map(r -> r);
    }

    private static Rendering form(
            HttpStatus status,
            List<jp.azukari.contract.ContractView> contracts,
            NewAssetForm form,
            List<AssetInput.Problem> problems,
            String refused) {
        Map<String, AssetInput.Problem> byField = new java.util.HashMap<>();
        problems.forEach(p -> byField.putIfAbsent(p.field(), p));
        return Rendering.view("console/asset-new")
                .status(status)
                .model(
                        Map.of(
                                "contracts",
                                contracts,
                                "form",
                                form,
                                "problems",
                                problems,
                                "errors",
                                byField,
                                "kinds",
                                AssetInput.KINDS,
                                "sensitivities",
                                AssetInput.SENSITIVITIES,
                                "refused",
                                refused == null ? "" : refused,
                                "again",
                                status == HttpStatus.CONFLICT && refused == null))
                .build();
    }
}
