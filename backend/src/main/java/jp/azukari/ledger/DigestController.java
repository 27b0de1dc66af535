package jp.azukari.ledger;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.core.ledger.Digest;
import jp.azukari.core.ledger.Ed25519;
import jp.azukari.platform.problem.ProblemKind;
import jp.azukari.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Signed digests and the installation's public key (docs/ledger.md). */
@RestController
class DigestController {

    private final DigestService digests;
    private final LedgerKeys keys;

    DigestController(DigestService digests, LedgerKeys keys) {
        this.digests = digests;
        this.keys = keys;
    }

    record TakeRequest(UUID contractId) {}

    record PublicKeyView(
            String algorithm,
            String fingerprint,
            String pem,
            String raw,
            Map<String, String> jwk) {}

    @PostMapping("/api/v1/ledger/digests")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, Object>> take(
            @AuthenticationPrincipal Actor actor, @RequestBody(required = false) TakeRequest body) {
        return digests.take(actor, body == null ? null : body.contractId()).map(Digest::fields);
    }

    @PostMapping("/api/v1/ledger/digests/verify")
    Mono<DigestService.Verification> verify(
            @AuthenticationPrincipal Actor actor, @RequestBody Map<String, Object> body) {
        Map<String, String> fields = new HashMap<>();
        for (var e : body.entrySet()) {
            if (e.getValue() instanceof Map || e.getValue() instanceof java.util.List) {
                return Mono.error(
                        Problems.exception(
                                ProblemKind.BAD_REQUEST,
                                "digest-malformed",
                                "Malformed digest",
                                e.getKey() + ": not a plain value"));
            }
            fields.put(e.getKey(), e.getValue() == null ? null : e.getValue().toString());
        }
        return digests.verify(actor, fields);
    }

    @GetMapping("/api/v1/ledger/digests/{id}/proof")
    Mono<DigestService.Proof> proof(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestParam UUID assetId) {
        return digests.proof(actor, id, assetId);
    }

    @GetMapping(path = "/api/v1/ledger/public-key", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<PublicKeyView> publicKey() {
        return keys.current()
                .map(
                        k -> {
                            String raw =
                                    java.util.Base64.getEncoder()
                                            .encodeToString(Ed25519.raw(k.publicKey()));
                            String x =
                                    java.util.Base64.getUrlEncoder()
                                            .withoutPadding()
                                            .encodeToString(Ed25519.raw(k.publicKey()));
                            return new PublicKeyView(
                                    "Ed25519",
                                    k.fingerprint(),
                                    Ed25519.toPem(k.publicKey()),
                                    raw,
                                    Map.of(
                                            "kty",
                                            "OKP",
                                            "crv",
                                            "Ed25519",
                                            "x",
                                            x,
                                            "kid",
                                            k.fingerprint(),
                                            "use",
                                            "sig"));
                        });
    }

    @GetMapping(path = "/api/v1/ledger/public-key.pem", produces = "application/x-pem-file")
    Mono<String> publicKeyPem() {
        return keys.current().map(k -> Ed25519.toPem(k.publicKey()));
    }
}
