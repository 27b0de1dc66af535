package jp.azukari.instruction.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.console.manage.Refused;
import jp.azukari.contract.ContractService;
import jp.azukari.contract.ContractView;
import jp.azukari.instruction.InstructionService;
import jp.azukari.instruction.InstructionView;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Art. 11: the agency's instructions under a contract. A MANAGER issues one with a due day; a
 * CUSTODIAN of the contractor acknowledges it, then reports it done; open and late ones are listed.
 * Every rule is {@link InstructionService}'s, as in the API.
 */
@ConsolePage
class InstructionsPage {

    private static final List<String> FILTERS = List.of("open", "late", "all");

    private final InstructionService instructions;
    private final ContractService contracts;

    InstructionsPage(InstructionService instructions, ContractService contracts) {
        this.instructions = instructions;
        this.contracts = contracts;
    }

    @GetMapping("/instructions")
    Mono<Rendering> list(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) String show) {
        return list(actor, show, null, Map.of(), Map.of());
    }

    @PostMapping("/instructions")
    Mono<Rendering> issue(@AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        // the role first: a form from someone who may not issue is a 403, whatever it holds
        return instructions
                .mayIssue(actor)
                .then(exchange.getFormData())
                .flatMap(
                        form -> {
                            Map<String, String> errors = new LinkedHashMap<>();
                            UUID contract = uuid(form.getFirst("contractId"));
                            String text = strip(form.getFirst("text"));
                            LocalDate due = date(form.getFirst("dueOn"));
                            if (contract == null) {
                                errors.put("contractId", "instruction.error.contract");
                            }
                            if (text == null || text.length() > 4000) {
                                errors.put("text", "instruction.error.text");
                            }
                            if (due == null) {
                                errors.put("dueOn", "instruction.error.dueOn");
                            }
                            if (!errors.isEmpty()) {
                                return list(actor, "open", null, errors, form.toSingleValueMap());
                            }
                            return instructions
                                    .issue(actor, contract, text, due)
                                    .map(
                                            i ->
                                                    Rendering.redirectTo(
                                                                    "/instructions/"
                                                                            + i.id()
                                                                            + "?done=issued")
                                                            .build())
                                    .onErrorResume(
                                            ProblemException.class,
                                            e ->
                                                    shownAsPage(e)
                                                            ? Mono.error(e)
                                                            : list(
                                                                    actor,
                                                                    "open",
                                                                    Refused.of(e),
                                                                    Map.of(),
                                                                    form.toSingleValueMap()));
                        });
    }

    @GetMapping("/instructions/{id}")
    Mono<Rendering> one(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) String done) {
        String shown =
                done != null && List.of("issued", "acknowledged", "reported").contains(done)
                        ? done
                        : null;
        return one(actor, id, null, shown);
    }

    @PostMapping("/instructions/{id}/acknowledge")
    Mono<Rendering> acknowledge(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return act(actor, id, instructions.acknowledge(actor, id), "acknowledged");
    }

    @PostMapping("/instructions/{id}/done")
    Mono<Rendering> done(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(
                        form ->
                                act(
                                        actor,
                                        id,
                                        instructions.done(actor, id, strip(form.getFirst("note"))),
                                        "reported"));
    }

    private Mono<Rendering> act(Actor actor, UUID id, Mono<InstructionView> action, String done) {
        return action.map(
                        i -> Rendering.redirectTo("/instructions/" + id + "?done=" + done).build())
                .onErrorResume(
                        ProblemException.class,
                        e -> shownAsPage(e) ? Mono.error(e) : one(actor, id, Refused.of(e), null));
    }

    private Mono<Rendering> one(Actor actor, UUID id, Refused refused, String done) {
        return instructions
                .find(actor, id)
                .map(
                        i -> {
                            var r =
                                    Rendering.view("console/provisions/instruction")
                                            .modelAttribute("i", i)
                                            .modelAttribute(
                                                    "custodian", actor.role() == Role.CUSTODIAN);
                            if (refused != null) {
                                r.modelAttribute("refused", refused)
                                        .status(HttpStatus.valueOf(refused.status()));
                            }
                            if (done != null) {
                                r.modelAttribute("done", done);
                            }
                            return r.build();
                        });
    }

    private Mono<Rendering> list(
            Actor actor,
            String show,
            Refused refused,
            Map<String, String> errors,
            Map<String, String> form) {
        String filter = show != null && FILTERS.contains(show) ? show : "open";
        boolean manager = actor.role() == Role.MANAGER;
        Mono<List<ContractView>> open =
                manager
                        ? contracts.list(actor, "ACTIVE", 500, 0).collectList()
                        : Mono.just(List.of());
        return instructions
                .list(actor, null, "open".equals(filter), "late".equals(filter))
                .collectList()
                .zipWith(open)
                .map(
                        t -> {
                            var r =
                                    Rendering.view("console/provisions/instructions")
                                            .modelAttribute("instructions", t.getT1())
                                            .modelAttribute("contracts", t.getT2())
                                            .modelAttribute("show", filter)
                                            .modelAttribute("manager", manager)
                                            .modelAttribute("errors", errors)
                                            .modelAttribute("form", form);
                            if (refused != null) {
                                r.modelAttribute("refused", refused)
                                        .status(HttpStatus.valueOf(refused.status()));
                            } else if (!errors.isEmpty()) {
                                r.status(HttpStatus.BAD_REQUEST);
                            }
                            return r.build();
                        });
    }

    /** 403 and 404 are the console's error pages, not a message beside the form. */
    private static boolean shownAsPage(ProblemException e) {
        int status = Refused.status(e);
        return status == 403 || status == 404;
    }

    static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
