package jp.azukari.asset.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.asset.AssetService;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.contract.ContractService;
import jp.azukari.platform.Access;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.console.ConsoleSubmissions;
import jp.azukari.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** Registering one asset from the console ({@code /assets/new}), through the API's service. */
@ConsolePage
class AssetRegistrationPage {

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
    private final ConsoleSubmissions submissions;

    AssetRegistrationPage(
            AssetService assets, ContractService contracts, ConsoleSubmissions submissions) {
        this.assets = assets;
        this.contracts = contracts;
        this.submissions = submissions;
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
