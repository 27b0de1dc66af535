package jp.azukari.copy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import jp.azukari.asset.AssetView;
import jp.azukari.common.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class CopyController {

    record CopyRequest(
            UUID approvalId,
            @Size(max = 300)
                    @jakarta.validation.constraints.Pattern(
                            regexp = "(?s).*\\S.*",
                            message = "must not be blank")
                    String title,
            @Min(1) @Max(CopyService.MAX_COPIES) Integer count,
            @Size(max = 2000) String note) {}

    record TakeOutRequest(
            UUID approvalId,
            @NotBlank @Size(max = 300) String destination,
            @Size(max = 2000) String purpose) {}

    record BringBackRequest(@Size(max = 2000) String note) {}

    private final CopyService copies;
    private final TakeOutService takeOuts;

    CopyController(CopyService copies, TakeOutService takeOuts) {
        this.copies = copies;
        this.takeOuts = takeOuts;
    }

    /**
     * Registers approved copies of an asset: each a new asset with its own tag, label and chain.
     */
    @PostMapping("/api/v1/assets/{id}/copies")
    @ResponseStatus(HttpStatus.CREATED)
    Flux<AssetView> copy(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @Valid @RequestBody CopyRequest body) {
        return copies.copy(
                actor,
                id,
                new CopyService.Request(
                        body.approvalId(),
                        body.title() == null ? null : body.title().strip(),
                        body.count() == null ? 1 : body.count(),
                        body.note()));
    }

    @PostMapping("/api/v1/assets/{id}/take-outs")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TakeOutView> takeOut(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @Valid @RequestBody TakeOutRequest body) {
        return takeOuts.takeOut(
                actor,
                id,
                new TakeOutService.Request(
                        body.approvalId(), body.destination().strip(), body.purpose()));
    }

    @GetMapping("/api/v1/assets/{id}/take-outs")
    Flux<TakeOutView> ofAsset(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return takeOuts.ofAsset(actor, id);
    }

    @PostMapping("/api/v1/take-outs/{id}/bring-back")
    Mono<TakeOutView> bringBack(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) BringBackRequest body) {
        return takeOuts.bringBack(actor, id, body == null ? null : body.note());
    }
}
