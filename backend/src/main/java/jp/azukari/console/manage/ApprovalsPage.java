package jp.azukari.console.manage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.approval.ApprovalService;
import jp.azukari.approval.ApprovalView;
import jp.azukari.asset.AssetService;
import jp.azukari.asset.AssetView;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.custody.domain.ApprovalStatus;
import jp.azukari.party.PartyService;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.user.UserService;
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
 * The approvals queue and one approval: the request, its scope and assets; approve with a validity
 * end or reject with a reason, through {@link ApprovalService} — whatever it refuses (e.g. the
 * requester deciding their own request, art. 2.3) is shown as the service answered it.
 */
@ConsolePage
class ApprovalsPage {

    private final ApprovalService approvals;
    private final AssetService assets;
    private final PartyService parties;
    private final UserService users;

    ApprovalsPage(
            ApprovalService approvals,
            AssetService assets,
            PartyService parties,
            UserService users) {
        this.approvals = approvals;
        this.assets = assets;
        this.parties = parties;
        this.users = users;
    }

    @GetMapping("/approvals")
    Mono<Rendering> queue(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "PENDING") String status) {
        String s = List.of("PENDING", "APPROVED", "REJECTED").contains(status) ? status : "PENDING";
        return approvals
                .list(actor, null, s, 200, 0)
                .collectList()
                .zipWith(partyNames(actor))
                .map(
                        t ->
                                Rendering.view("console/manage/approvals")
                                        .modelAttribute("approvals", t.getT1())
                                        .modelAttribute("parties", t.getT2())
                                        .modelAttribute("status", s)
                                        .build());
    }

    @GetMapping("/approvals/{id}")
    Mono<Rendering> one(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) String done) {
        return page(actor, id, null, done == null ? null : done, Map.of());
    }

    @PostMapping("/approvals/{id}/decision")
    Mono<Rendering> decide(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(
                        form -> {
                            ApprovalStatus decision =
                                    "APPROVED".equals(form.getFirst("decision"))
                                            ? ApprovalStatus.APPROVED
                                            : "REJECTED".equals(form.getFirst("decision"))
                                                    ? ApprovalStatus.REJECTED
                                                    : null;
                            Map<String, String> errors = validate(decision, form);
                            if (!errors.isEmpty()) {
                                return page(actor, id, null, null, errors).map(r -> r);
                            }
                            String note = blank(form.getFirst("note"));
                            LocalDate until =
                                    decision == ApprovalStatus.APPROVED
                                            ? LocalDate.parse(form.getFirst("validUntil"))
                                            : null;
                            return approvals
                                    .decide(
                                            actor,
                                            id,
                                            new ApprovalService.Decision(decision, note, until))
                                    .map(
                                            a ->
                                                    Rendering.redirectTo(
                                                                    "/approvals/"
                                                                            + id
                                                                            + "?done="
                                                                            + decision.name()
                                                                                    .toLowerCase())
                                                            .build())
                                    .onErrorResume(
                                            ProblemException.class,
                                            e ->
                                                    jp.azukari.console.manage.Refused.status(e)
                                                                            == 404
                                                                    || isRoleRefusal(actor, e)
                                                            ? Mono.error(e)
                                                            : page(
                                                                    actor,
                                                                    id,
                                                                    Refused.of(e),
                                                                    null,
                                                                    Map.of()));
                        });
    }

    /**
     * A role that may not decide at all gets the console's 403 page; a manager refused for this
     * approval sees why.
     */
    private static boolean isRoleRefusal(Actor actor, ProblemException e) {
        return jp.azukari.console.manage.Refused.status(e) == 403 && !actor.is(Role.MANAGER);
    }

    private static Map<String, String> validate(
            ApprovalStatus decision, MultiValueMap<String, String> form) {
        if (decision == null) {
            return Map.of("decision", "approval.error.decision");
        }
        if (decision == ApprovalStatus.REJECTED && blank(form.getFirst("note")) == null) {
            return Map.of("note", "approval.error.reason");
        }
        if (decision == ApprovalStatus.APPROVED) {
            try {
                LocalDate.parse(String.valueOf(form.getFirst("validUntil")));
            } catch (RuntimeException e) {
                return Map.of("validUntil", "approval.error.validUntil");
            }
        }
        return Map.of();
    }

    private Mono<Rendering> page(
            Actor actor, UUID id, Refused refused, String done, Map<String, String> errors) {
        return approvals
                .find(actor, id)
                .flatMap(
                        a ->
                                Mono.zip(scope(actor, a), partyNames(actor), requester(actor, a))
                                        .map(
                                                t -> {
                                                    var r =
                                                            Rendering.view(
                                                                            "console/manage/approval")
                                                                    .modelAttribute("a", a)
                                                                    .modelAttribute(
                                                                            "assets", t.getT1())
                                                                    .modelAttribute(
                                                                            "parties", t.getT2())
                                                                    .modelAttribute(
                                                                            "requester", t.getT3())
                                                                    .modelAttribute(
                                                                            "errors", errors)
                                                                    .modelAttribute(
                                                                            "ownRequest",
                                                                            a.requestedBy()
                                                                                    .equals(
                                                                                            actor
                                                                                                    .userId()));
                                                    if (refused != null) {
                                                        r.modelAttribute("refused", refused)
                                                                .status(
                                                                        org.springframework.http
                                                                                .HttpStatus.valueOf(
                                                                                refused.status()));
                                                    } else if (!errors.isEmpty()) {
                                                        r.status(
                                                                org.springframework.http.HttpStatus
                                                                        .BAD_REQUEST);
                                                    }
                                                    if (done != null) {
                                                        r.modelAttribute("done", done);
                                                    }
                                                    return r.build();
                                                }));
    }

    private Mono<List<AssetView>> scope(Actor actor, ApprovalView a) {
        if (a.wholeContract()) {
            return assets.listOfContract(actor, a.contractId(), 200, 0).collectList();
        }
        return Flux.fromIterable(a.assetIds())
                .take(500)
                .concatMap(id -> assets.find(actor, id).onErrorResume(e -> Mono.empty()))
                .collectList();
    }

    private Mono<String> requester(Actor actor, ApprovalView a) {
        return users.get(actor, a.requestedBy())
                .map(u -> u.displayName() + " (" + u.username() + ")")
                .onErrorResume(e -> Mono.just(a.requestedBy().toString()));
    }

    private Mono<Map<UUID, String>> partyNames(Actor actor) {
        return parties.list(actor, null).collectMap(p -> p.id(), p -> p.name());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
