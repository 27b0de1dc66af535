package jp.azukari.approval.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.approval.ApprovalService;
import jp.azukari.asset.AssetService;
import jp.azukari.common.Actor;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.contract.ContractService;
import jp.azukari.custody.domain.ApprovalKind;
import jp.azukari.party.PartyService;
import jp.azukari.platform.Access;
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
 * A custodian asks for an approval (TAKE_OUT, PROVIDE_TO_SUBCONTRACTOR, COPY,
 * DISPOSE_INSTEAD_OF_RETURN) for the whole contract or chosen assets, through {@link
 * ApprovalService#request} as the API does.
 */
@ConsolePage
class ApprovalRequestPage {

    static final List<String> KINDS =
            List.of("TAKE_OUT", "PROVIDE_TO_SUBCONTRACTOR", "COPY", "DISPOSE_INSTEAD_OF_RETURN");

    private final ApprovalService approvals;
    private final ContractService contracts;
    private final AssetService assets;
    private final PartyService parties;
    private final Clock clock;
    private final AgencyTimeZone zone;

    ApprovalRequestPage(
            ApprovalService approvals,
            ContractService contracts,
            AssetService assets,
            PartyService parties,
            Clock clock,
            AgencyTimeZone zone) {
        this.approvals = approvals;
        this.contracts = contracts;
        this.assets = assets;
        this.parties = parties;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/approvals/new")
    Mono<Rendering> form(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) String sent) {
        return Access.require(actor, "ask for approvals", Role.CUSTODIAN, Role.MANAGER)
                .then(page(actor, RequestForm.blank(sent)));
    }

    @PostMapping("/approvals/new")
    Mono<Rendering> request(@AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(
                        f -> {
                            List<String> errors = new ArrayList<>();
                            UUID contract = RequestForm.uuid(f.getFirst("contract"));
                            String kind =
                                    f.getFirst("kind") != null && KINDS.contains(f.getFirst("kind"))
                                            ? f.getFirst("kind")
                                            : null;
                            UUID sub = RequestForm.uuid(f.getFirst("subcontractor"));
                            LocalDate until = date(f.getFirst("validUntil"));
                            String reason = RequestForm.text(f, "reason");
                            if (contract == null) {
                                errors.add("approvalNew.error.contract");
                            }
                            if (kind == null) {
                                errors.add("approvalNew.error.kind");
                            }
                            if ("PROVIDE_TO_SUBCONTRACTOR".equals(kind) && sub == null) {
                                errors.add("approvalNew.error.subcontractor");
                            }
                            if (until == null) {
                                errors.add("approvalNew.error.validUntil");
                            } else if (until.isBefore(zone.today(clock))) {
                                errors.add("approvalNew.error.past");
                            }
                            if (reason.isEmpty() || reason.length() > 2000) {
                                errors.add("approvalNew.error.reason");
                            }
                            if (!errors.isEmpty()) {
                                return page(actor, RequestForm.invalid(f, errors));
                            }
                            var request =
                                    new ApprovalService.Request(
                                            contract,
                                            ApprovalKind.valueOf(kind),
                                            "PROVIDE_TO_SUBCONTRACTOR".equals(kind) ? sub : null,
                                            RequestForm.ids(f, "asset"),
                                            until,
                                            reason);
                            return RequestForm.submit(
                                    approvals.request(actor, request).map(a -> a.id()),
                                    "/approvals/new",
                                    f,
                                    form -> page(actor, form));
                        });
    }

    private Mono<Rendering> page(Actor actor, RequestForm form) {
        return Mono.zip(
                        contracts.list(actor, "ACTIVE", 500, 0).collectList(),
                        parties.list(actor, PartyKind.SUBCONTRACTOR).collectList(),
                        assets.list(
                                        actor,
                                        new AssetService.Filter(null, null, actor.partyId(), null),
                                        1000,
                                        0)
                                .collectList())
                .map(
                        t ->
                                Rendering.view("console/approval-new")
                                        .status(form.status())
                                        .model(
                                                form.model(
                                                        Map.of(
                                                                "contracts",
                                                                t.getT1(),
                                                                "subcontractors",
                                                                t.getT2(),
                                                                "holdings",
                                                                t.getT3(),
                                                                "kinds",
                                                                KINDS)))
                                        .build());
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
