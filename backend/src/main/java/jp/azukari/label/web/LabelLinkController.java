package jp.azukari.label.web;

import jp.azukari.common.Actor;
import jp.azukari.core.label.CounterInput;
import jp.azukari.label.LabelService;
import jp.azukari.platform.console.ConsolePage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The URL form of a label, {@code <BASE-URL>/L/AZ1:…}, as a phone camera opens it (in whatever case
 * it sends it). Only a signed-in user reaches this controller (the console's security sends anyone
 * else to the sign-in page and back here afterwards, the same answer for a real, forged or unknown
 * label, so a stranger learns nothing): it goes on to the asset's page, or to the console's 404
 * page when the label is not genuine or names an asset the user may not see.
 */
@ConsolePage
class LabelLinkController {

    private final LabelService labels;

    LabelLinkController(LabelService labels) {
        this.labels = labels;
    }

    @GetMapping({"/L/{payload}", "/l/{payload}"})
    Mono<String> open(@AuthenticationPrincipal Actor actor, @PathVariable String payload) {
        return labels.resolve(actor, CounterInput.canonicalPayload(payload))
                .map(asset -> "redirect:/assets/" + asset.id())
                .onErrorMap(
                        LabelService.LabelRejected.class,
                        e -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
