package jp.azukari.ledger.web;

import java.util.Base64;
import jp.azukari.core.ledger.Ed25519;
import jp.azukari.ledger.LedgerKeys;
import jp.azukari.platform.console.ConsolePage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * About this installation: the Ed25519 public key its ledger digests are signed with (fingerprint,
 * PEM, raw), as {@code GET /api/v1/ledger/public-key} serves it. Open to anyone, signed in or not:
 * an inspector copies it before trusting a bundle.
 */
@ConsolePage
class AboutPage {

    private final LedgerKeys keys;

    AboutPage(LedgerKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/about")
    Mono<Rendering> about() {
        return keys.current()
                .map(
                        k ->
                                Rendering.view("console/about")
                                        .modelAttribute("fingerprint", k.fingerprint())
                                        .modelAttribute("pem", Ed25519.toPem(k.publicKey()))
                                        .modelAttribute(
                                                "raw",
                                                Base64.getEncoder()
                                                        .encodeToString(Ed25519.raw(k.publicKey())))
                                        .build());
    }
}
