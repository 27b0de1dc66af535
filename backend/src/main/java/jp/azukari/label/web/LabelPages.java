package jp.azukari.label.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.contract.ContractService;
import jp.azukari.label.LabelService;
import jp.azukari.platform.console.ConsolePage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Printing labels for a selection of assets or a whole contract: the existing A4 sheet (24 labels)
 * and 62 mm tape PDFs from {@link LabelService}, with the PNG labels as a preview. Reading only, so
 * plain links (GET).
 */
@ConsolePage
class LabelPages {

    static final int PREVIEWS = 6;

    private final LabelService labels;
    private final ContractService contracts;

    LabelPages(LabelService labels, ContractService contracts) {
        this.labels = labels;
        this.contracts = contracts;
    }

    @GetMapping("/labels")
    Mono<Rendering> labels(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(name = "asset", required = false) List<UUID> assetIds,
            @RequestParam(required = false) UUID contract) {
        Mono<List<UUID>> chosen =
                contract != null
                        ? labels.assetsOfContract(actor, contract)
                        : Mono.just(
                                assetIds == null
                                        ? List.<UUID>of()
                                        : assetIds.stream()
                                                .distinct()
                                                .limit(LabelService.MAX_LABELS_PER_PDF)
                                                .toList());
        return Mono.zip(chosen, contracts.list(actor, null, 500, 0).collectList())
                .flatMap(
                        t -> {
                            List<UUID> ids = t.getT1();
                            return Flux.fromIterable(ids.subList(0, Math.min(PREVIEWS, ids.size())))
                                    .concatMap(id -> labels.asset(actor, id))
                                    .collectList()
                                    .map(
                                            previews ->
                                                    Rendering.view("console/labels")
                                                            .model(
                                                                    Map.of(
                                                                            "contracts",
                                                                            t.getT2(),
                                                                            "contract",
                                                                            contract == null
                                                                                    ? ""
                                                                                    : contract
                                                                                            .toString(),
                                                                            "ids",
                                                                            contract != null
                                                                                    ? List.of()
                                                                                    : ids,
                                                                            "count",
                                                                            ids.size(),
                                                                            "previews",
                                                                            previews,
                                                                            "layouts",
                                                                            List.of(
                                                                                    LabelService
                                                                                            .Layout
                                                                                            .A4_24
                                                                                            .name(),
                                                                                    LabelService
                                                                                            .Layout
                                                                                            .TAPE_62
                                                                                            .name())))
                                                            .build());
                        });
    }

    @GetMapping("/labels.pdf")
    Mono<ResponseEntity<byte[]>> pdf(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(name = "asset", required = false) List<UUID> assetIds,
            @RequestParam(required = false) UUID contract,
            @RequestParam(defaultValue = "A4_24") String layout) {
        LabelService.Layout chosen =
                "TAPE_62".equals(layout) ? LabelService.Layout.TAPE_62 : LabelService.Layout.A4_24;
        Mono<List<UUID>> ids =
                contract != null
                        ? labels.assetsOfContract(actor, contract)
                        : Mono.just(
                                assetIds == null
                                        ? List.<UUID>of()
                                        : assetIds.stream().distinct().toList());
        return ids.flatMap(list -> labels.pdf(actor, list, chosen))
                .map(
                        pdf ->
                                ResponseEntity.ok()
                                        .contentType(MediaType.APPLICATION_PDF)
                                        .header(
                                                "Content-Disposition",
                                                ContentDisposition.inline()
                                                        .filename(
                                                                "labels-"
                                                                        + chosen.name()
                                                                                .toLowerCase(
                                                                                        java.util
                                                                                                .Locale
                                                                                                .ROOT)
                                                                        + ".pdf")
                                                        .build()
                                                        .toString())
                                        .body(pdf));
    }
}
