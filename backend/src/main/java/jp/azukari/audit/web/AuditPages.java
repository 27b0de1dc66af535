package jp.azukari.audit.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.audit.AuditRules;
import jp.azukari.audit.AuditService;
import jp.azukari.audit.AuditView;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.contract.ContractService;
import jp.azukari.incident.IncidentRules;
import jp.azukari.party.PartyService;
import jp.azukari.party.PartyView;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Audit sessions (inventory, art. 9) in the console: the audits the caller may see, opening one
 * (the API's rules, through {@link AuditService}), and the audit page whose counts follow the scans
 * as they arrive (from this page's scan form, the scanner app or {@code POST /api/v1/scans}).
 */
@ConsolePage
class AuditPages {

    static final String VIEW = "console/audits/audit";

    private final AuditService audits;
    private final PartyService parties;
    private final ContractService contracts;

    AuditPages(AuditService audits, PartyService parties, ContractService contracts) {
        this.audits = audits;
        this.parties = parties;
        this.contracts = contracts;
    }

    @GetMapping("/audits")
    Mono<Rendering> list(@AuthenticationPrincipal Actor actor) {
        return audits.list(actor, null)
                .collectList()
                .map(
                        l ->
                                Rendering.view("console/audits/list")
                                        .modelAttribute("audits", l)
                                        .modelAttribute("mayOpen", AuditRules.mayOpen(actor))
                                        .build());
    }

    @GetMapping("/audits/new")
    Mono<Rendering> form(@AuthenticationPrincipal Actor actor) {
        return form(actor, Map.of(), Map.of());
    }

    @PostMapping("/audits")
    Mono<Rendering> open(@AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> open(actor, form));
    }

    private Mono<Rendering> open(Actor actor, MultiValueMap<String, String> form) {
        UUID party = uuid(form.getFirst("partyId"));
        String contractText = form.getFirst("contractId");
        UUID contract = uuid(contractText);
        String location = form.getFirst("location");
        location = location == null || location.isBlank() ? null : location.strip();
        if (party == null) {
            return form(actor, Map.of("partyId", "audits.error.party"), form.toSingleValueMap());
        }
        if (contractText != null && !contractText.isBlank() && contract == null) {
            return form(
                    actor, Map.of("contractId", "audits.error.contract"), form.toSingleValueMap());
        }
        if (location != null && location.length() > 200) {
            return form(
                    actor, Map.of("location", "audits.error.location"), form.toSingleValueMap());
        }
        return audits.open(actor, new AuditService.OpenRequest(party, location, contract))
                .map(a -> Rendering.redirectTo("/audits/" + a.id()).build());
    }

    private Mono<Rendering> form(
            Actor actor, Map<String, String> errors, Map<String, String> values) {
        if (!AuditRules.mayOpen(actor)) {
            return Mono.error(
                    Problems.forbidden(
                            "Only a MANAGER or AUDITOR, or a CUSTODIAN for their own party, opens an audit"));
        }
        Flux<PartyView> choices =
                actor.is(Role.CUSTODIAN)
                        ? parties.get(actor, actor.partyId()).flux()
                        : parties.list(actor, null);
        return choices.collectList()
                .zipWith(contracts.list(actor, null, 500, 0).collectList())
                .map(
                        t -> {
                            var r =
                                    Rendering.view("console/audits/new")
                                            .modelAttribute("parties", t.getT1())
                                            .modelAttribute("contracts", t.getT2())
                                            .modelAttribute("errors", errors)
                                            .modelAttribute("values", values);
                            if (!errors.isEmpty()) {
                                r.status(HttpStatus.BAD_REQUEST);
                            }
                            return r.build();
                        });
    }

    @GetMapping("/audits/{id}")
    Mono<Rendering> page(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) String done) {
        return audits.find(actor, id)
                .map(
                        a ->
                                page(a, actor)
                                        .modelAttribute(
                                                "done",
                                                "closed".equals(done) || "reported".equals(done)
                                                        ? done
                                                        : null)
                                        .build());
    }

    /** The live part of the audit page: counts and rows, re-read every few seconds while open. */
    @GetMapping("/audits/{id}/live")
    Mono<Rendering> live(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return audits.find(actor, id)
                .map(a -> Rendering.view(VIEW + " :: live").modelAttribute("a", a).build());
    }

    static Rendering.Builder<?> page(AuditView a, Actor actor) {
        List<AuditView.Item> missing =
                a.items().stream()
                        .filter(i -> "MISSING".equals(i.outcome()) && i.incidentId() == null)
                        .toList();
        return Rendering.view(VIEW)
                .modelAttribute("a", a)
                .modelAttribute("scanId", UUID.randomUUID())
                .modelAttribute("mayAct", AuditRules.mayAudit(actor, a.partyId()))
                .modelAttribute("unreported", missing.size())
                .modelAttribute("mayReport", IncidentRules.mayReport(actor.role()));
    }

    static UUID uuid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
