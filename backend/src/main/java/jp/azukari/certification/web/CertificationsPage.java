package jp.azukari.certification.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.certification.CertificationService;
import jp.azukari.certification.CertificationView;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.console.manage.Refused;
import jp.azukari.files.Upload;
import jp.azukari.party.PartyService;
import jp.azukari.party.PartyView;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.platform.web.EvidenceDownload;
import jp.azukari.platform.web.Multipart;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Art. 9: certifications per party (ISO/IEC 27001, ISMAP, …) with the certificate file; the
 * expiring and expired ones listed. A custodian registers and sees its own party's; the agency sees
 * all. The rules and the file checks are {@link CertificationService}'s, as in the API.
 */
@ConsolePage
class CertificationsPage {

    private static final List<String> STATES = List.of("EXPIRING", "EXPIRED", "VALID");

    private final CertificationService certifications;
    private final PartyService parties;

    CertificationsPage(CertificationService certifications, PartyService parties) {
        this.certifications = certifications;
        this.parties = parties;
    }

    @GetMapping("/certifications")
    Mono<Rendering> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String done) {
        return list(actor, state, null, Map.of(), Map.of(), "registered".equals(done));
    }

    @PostMapping("/certifications")
    Mono<Rendering> register(@AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        // the role first: a form from someone who may not register is a 403, whatever it holds
        return certifications
                .mayRegister(actor)
                .then(exchange.getMultipartData())
                .flatMap(parts -> register(actor, parts));
    }

    private Mono<Rendering> register(Actor actor, MultiValueMap<String, Part> parts) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String name : List.of("partyId", "scheme", "number", "scope", "validUntil")) {
            if (parts.getFirst(name) instanceof FormFieldPart f) {
                form.put(name, f.value());
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        UUID party = uuid(form.get("partyId"));
        if (actor.role() != Role.CUSTODIAN && party == null) {
            errors.put("partyId", "certification.error.party");
        }
        for (String name : List.of("scheme", "number", "scope")) {
            String v = form.get(name);
            if (v == null || v.isBlank() || v.length() > ("scope".equals(name) ? 2000 : 200)) {
                errors.put(name, "certification.error." + name);
            }
        }
        LocalDate until = date(form.get("validUntil"));
        if (until == null) {
            errors.put("validUntil", "certification.error.validUntil");
        }
        List<Upload> files = Multipart.chosenFiles(parts, "certificate", "certificate");
        if (files.size() != 1) {
            errors.put("certificate", "certification.error.file");
        }
        if (!errors.isEmpty()) {
            return list(actor, null, null, errors, form, false);
        }
        var request =
                new CertificationService.NewCertification(
                        party,
                        form.get("scheme").strip(),
                        form.get("number").strip(),
                        form.get("scope").strip(),
                        until);
        return certifications
                .register(actor, request, files.get(0))
                .thenReturn(Rendering.redirectTo("/certifications?done=registered").build())
                .onErrorResume(
                        ProblemException.class,
                        e ->
                                Refused.status(e) == 403 || Refused.status(e) == 404
                                        ? Mono.error(e)
                                        : list(actor, null, Refused.of(e), Map.of(), form, false));
    }

    @GetMapping("/certifications/{id}/certificate")
    Mono<ResponseEntity<byte[]>> certificate(
            @AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return certifications.certificate(actor, id).map(EvidenceDownload::of);
    }

    private Mono<Rendering> list(
            Actor actor,
            String state,
            Refused refused,
            Map<String, String> errors,
            Map<String, String> form,
            boolean registered) {
        String shown = state != null && STATES.contains(state) ? state : null;
        boolean agency = actor.role() == Role.MANAGER || actor.role() == Role.ADMIN;
        Mono<List<PartyView>> choices =
                agency ? parties.list(actor, null).collectList() : Mono.just(List.of());
        Mono<List<CertificationView>> items = certifications.list(actor, null, shown).collectList();
        return items.zipWith(choices)
                .map(
                        t -> {
                            var r =
                                    Rendering.view("console/provisions/certifications")
                                            .modelAttribute("items", t.getT1())
                                            .modelAttribute("parties", t.getT2())
                                            .modelAttribute("state", shown == null ? "" : shown)
                                            .modelAttribute("agency", agency)
                                            .modelAttribute(
                                                    "mayRegister",
                                                    agency || actor.role() == Role.CUSTODIAN)
                                            .modelAttribute("errors", errors)
                                            .modelAttribute("form", form);
                            if (registered) {
                                r.modelAttribute("done", "registered");
                            }
                            if (refused != null) {
                                r.modelAttribute("refused", refused)
                                        .status(HttpStatus.valueOf(refused.status()));
                            } else if (!errors.isEmpty()) {
                                r.status(HttpStatus.BAD_REQUEST);
                            }
                            return r.build();
                        });
    }

    private static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
