package jp.azukari.custody.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.asset.AssetService;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.contract.ContractService;
import jp.azukari.core.custody.TransferKind;
import jp.azukari.custody.TransferService;
import jp.azukari.platform.Access;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Transfers at the counter: the list (each links to its page and, while open, to the scan station),
 * and issuing assets to the contract's contractor (ISSUE) through {@link TransferService#openOnce},
 * whose idempotency key is the form's one-time submission id — a second submit answers the transfer
 * the first one opened.
 */
@ConsolePage
class TransferPages {

    static final List<String> STATUSES = List.of("OPEN", "COMPLETED", "CANCELLED");

    private final TransferService transfers;
    private final ContractService contracts;
    private final AssetService assets;

    TransferPages(TransferService transfers, ContractService contracts, AssetService assets) {
        this.transfers = transfers;
        this.contracts = contracts;
        this.assets = assets;
    }

    @GetMapping("/transfers")
    Mono<Rendering> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID contract) {
        String chosen = status != null && STATUSES.contains(status) ? status : null;
        Mono<?> inScope = contract == null ? Mono.just(true) : contracts.find(actor, contract);
        return inScope.then(transfers.list(actor, contract, chosen, null, 200, 0).collectList())
                .map(
                        list ->
                                Rendering.view("console/transfers")
                                        .model(
                                                Map.of(
                                                        "transfers",
                                                        list,
                                                        "status",
                                                        chosen == null ? "" : chosen,
                                                        "statuses",
                                                        STATUSES,
                                                        "canIssue",
                                                        actor.is(Role.CLERK)
                                                                || actor.is(Role.MANAGER)))
                                        .build());
    }

    @GetMapping("/transfers/new")
    Mono<Rendering> issueForm(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID contract) {
        return Access.require(actor, "issue assets", Role.CLERK, Role.MANAGER)
                .then(form(actor, contract, List.of(), HttpStatus.OK, null));
    }

    @PostMapping("/transfers/new")
    Mono<Rendering> issue(@AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(
                        f -> {
                            UUID contractId = uuid(f.getFirst("contract"));
                            List<UUID> picked = assetIds(f);
                            String submission = f.getFirst("submission");
                            if (contractId == null) {
                                return form(
                                        actor,
                                        null,
                                        picked,
                                        HttpStatus.BAD_REQUEST,
                                        "issue.error.contract");
                            }
                            if (picked.isEmpty()) {
                                return form(
                                        actor,
                                        contractId,
                                        picked,
                                        HttpStatus.BAD_REQUEST,
                                        "issue.error.assets");
                            }
                            String key =
                                    submission == null || submission.isBlank()
                                            ? null
                                            : "console:" + submission;
                            return contracts
                                    .find(actor, contractId)
                                    .flatMap(
                                            c ->
                                                    transfers.openOnce(
                                                            actor,
                                                            new TransferService.OpenRequest(
                                                                    TransferKind.ISSUE,
                                                                    c.contractorPartyId(),
                                                                    null,
                                                                    picked,
                                                                    blankToNull(f.getFirst("note")),
                                                                    key)))
                                    .map(
                                            opened ->
                                                    Rendering.redirectTo(
                                                                    "/transfers/"
                                                                            + opened.transfer().id()
                                                                            + (opened.replayed()
                                                                                    ? "?again=1"
                                                                                    : "?opened=1"))
                                                            .build())
                                    .onErrorResume(
                                            ProblemException.class,
                                            e ->
                                                    HttpStatus.valueOf(e.kind().name()).value()
                                                                    == 404
                                                            ? Mono.error(e)
                                                            : form(
                                                                    actor,
                                                                    contractId,
                                                                    picked,
                                                                    HttpStatus.valueOf(
                                                                            e.kind().name()),
                                                                    null,
                                                                    e));
                        });
    }

    private Mono<Rendering> form(
            Actor actor, UUID contract, List<UUID> picked, HttpStatus status, String error) {
        return form(actor, contract, picked, status, error, null);
    }

    private Mono<Rendering> form(
            Actor actor,
            UUID contract,
            List<UUID> picked,
            HttpStatus status,
            String error,
            ProblemException refused) {
        Mono<List<AssetViewRow>> available =
                contract == null
                        ? Mono.just(List.of())
                        : assets.search(
                                        actor,
                                        new AssetService.Search(null, contract, "REGISTERED"),
                                        1000,
                                        0)
                                .map(
                                        a ->
                                                new AssetViewRow(
                                                        a.id(),
                                                        a.tag(),
                                                        a.title(),
                                                        a.inOpenTransfer()))
                                .collectList();
        Mono<Object> chosenContract =
                contract == null
                        ? Mono.just("")
                        : contracts.find(actor, contract).cast(Object.class);
        return Mono.zip(
                        contracts.list(actor, "ACTIVE", 500, 0).collectList(),
                        available,
                        chosenContract)
                .map(
                        t ->
                                Rendering.view("console/transfer-new")
                                        .status(status)
                                        .model(
                                                Map.of(
                                                        "contracts",
                                                        t.getT1(),
                                                        "contract",
                                                        contract == null ? "" : contract.toString(),
                                                        "chosen",
                                                        t.getT3(),
                                                        "available",
                                                        t.getT2(),
                                                        "picked",
                                                        picked.stream()
                                                                .map(UUID::toString)
                                                                .toList(),
                                                        "error",
                                                        error == null ? "" : error,
                                                        "code",
                                                        refused
                                                                        instanceof
                                                                        jp.azukari.custody
                                                                                        .CustodyRefusedException
                                                                                r
                                                                ? r.first().code().name()
                                                                : "",
                                                        "detail",
                                                        refused == null
                                                                ? ""
                                                                : String.valueOf(refused.detail()),
                                                        "submission",
                                                        java.util.UUID.randomUUID().toString()))
                                        .build());
    }

    record AssetViewRow(UUID id, String tag, String title, boolean inOpenTransfer) {}

    private static List<UUID> assetIds(MultiValueMap<String, String> form) {
        List<String> values = form.get("asset");
        return values == null
                ? List.of()
                : values.stream()
                        .map(TransferPages::uuid)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList();
    }

    static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
