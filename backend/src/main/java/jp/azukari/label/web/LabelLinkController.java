package jp.azukari.label.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jp.azukari.common.Actor;
import jp.azukari.core.label.CounterInput;
import jp.azukari.label.LabelService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The URL form of a label, {@code <BASE-URL>/L/AZ1:…}, as a phone camera opens it (in whatever case it sends it):
 * a signed-in browser goes to the asset's page; anyone else goes to the sign-in page and comes back here after it,
 * learning nothing about the asset — real, forged and unknown labels get the same answer before sign-in. After
 * sign-in a label that is not genuine, or names an asset the user may not see, is the console's 404.
 */
@RestController
class LabelLinkController {

    private final LabelService labels;

    LabelLinkController(LabelService labels) {
        this.labels = labels;
    }

    @GetMapping({"/L/{payload}", "/l/{payload}"})
    Mono<ResponseEntity<Void>> open(@AuthenticationPrincipal Actor actor, @PathVariable String payload) {
        String canonical = CounterInput.canonicalPayload(payload);
        if (actor == null) {
            String next = "/L/" + canonical;
            return Mono.just(seeOther("/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
        }
        return labels.resolve(actor, canonical)
                .map(asset -> seeOther("/assets/" + asset.id()))
                .onErrorMap(LabelService.LabelRejected.class,
                        e -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such label for you"));
    }

    private static ResponseEntity<Void> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, URI.create(location).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
