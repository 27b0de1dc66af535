package jp.azukari.incident.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.asset.AssetService;
import jp.azukari.common.Actor;
import jp.azukari.incident.IncidentRules;
import jp.azukari.incident.IncidentService;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.console.RequestForm;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reporting an incident (loss, theft, suspected leak, …) about assets my party holds, through
 * {@link IncidentService#report}.
 */
@ConsolePage
class IncidentReportPage {

    private final IncidentService incidents;
    private final AssetService assets;
    private final Clock clock;
    private final AgencyTimeZone zone;

    IncidentReportPage(
            IncidentService incidents, AssetService assets, Clock clock, AgencyTimeZone zone) {
        this.incidents = incidents;
        this.assets = assets;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/incidents/new")
    Mono<Rendering> form(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) String sent) {
        if (!IncidentRules.mayReport(actor.role())) {
            return Mono.error(
                    jp.azukari.platform.problem.Problems.forbidden(
                            "Only a MANAGER, CLERK or CUSTODIAN reports incidents"));
        }
        return page(actor, RequestForm.blank(sent));
    }

    @PostMapping("/incidents/new")
    Mono<Rendering> report(@AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(
                        f -> {
                            List<String> errors = new ArrayList<>();
                            IncidentRules.Kind kind = kind(f.getFirst("kind"));
                            List<UUID> picked = RequestForm.ids(f, "asset");
                            Instant occurred = instant(f.getFirst("occurredAt"));
                            String description = RequestForm.text(f, "description");
                            if (kind == null) {
                                errors.add("incidentNew.error.kind");
                            }
                            if (picked.isEmpty()) {
                                errors.add("incidentNew.error.assets");
                            }
                            if (occurred == null || occurred.isAfter(clock.instant())) {
                                errors.add("incidentNew.error.occurredAt");
                            }
                            if (description.isEmpty() || description.length() > 4000) {
                                errors.add("incidentNew.error.description");
                            }
                            if (!errors.isEmpty()) {
                                return page(actor, RequestForm.invalid(f, errors));
                            }
                            var report =
                                    new IncidentService.Report(
                                            kind, picked, occurred, description, null);
                            return RequestForm.submit(
                                    incidents.report(actor, report).map(i -> i.id()),
                                    "/incidents/new",
                                    f,
                                    form -> page(actor, form));
                        });
    }

    private Mono<Rendering> page(Actor actor, RequestForm form) {
        var holdings =
                actor.isScopedToParty()
                        ? assets.list(
                                        actor,
                                        new AssetService.Filter(null, null, actor.partyId(), null),
                                        1000,
                                        0)
                                .collectList()
                        : Mono.just(List.<jp.azukari.asset.AssetView>of());
        return holdings.map(
                list ->
                        Rendering.view("console/incident-new")
                                .status(form.status())
                                .model(
                                        form.model(
                                                Map.of(
                                                        "holdings",
                                                        list,
                                                        "kinds",
                                                        List.of(IncidentRules.Kind.values()))))
                                .build());
    }

    private Instant instant(String s) {
        try {
            return s == null || s.isBlank()
                    ? null
                    : LocalDateTime.parse(s.strip()).atZone(zone.zone()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static IncidentRules.Kind kind(String s) {
        try {
            return s == null ? null : IncidentRules.Kind.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
