package jp.azukari.reportrequest.web;

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
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.platform.web.EvidenceDownload;
import jp.azukari.platform.web.Multipart;
import jp.azukari.reportrequest.ReportRequestService;
import jp.azukari.reportrequest.ReportRequestView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Art. 8.1: a MANAGER asks a contractor for a compliance report by a day (once, or every N months);
 * the contractor's CUSTODIAN answers with text and attachments; open and late requests are listed.
 * The rules and the file checks are {@link ReportRequestService}'s, as in the API.
 */
@ConsolePage
class ReportRequestsPage {

    private static final List<String> SHOWN = List.of("open", "late", "answered", "all");

    private final ReportRequestService requests;
    private final ContractService contracts;

    ReportRequestsPage(ReportRequestService requests, ContractService contracts) {
        this.requests = requests;
        this.contracts = contracts;
    }

    @GetMapping("/report-requests")
    Mono<Rendering> list(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) String show) {
        return list(actor, show, null, Map.of(), Map.of());
    }

    @PostMapping("/report-requests")
    Mono<Rendering> ask(@AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        // the role first: a form from someone who may not ask is a 403, whatever it holds
        return requests.mayAsk(actor)
                .then(exchange.getFormData())
                .flatMap(
                        form -> {
                            Map<String, String> errors = new LinkedHashMap<>();
                            UUID contract = uuid(form.getFirst("contractId"));
                            String subject = strip(form.getFirst("subject"));
                            LocalDate due = date(form.getFirst("dueOn"));
                            String every = strip(form.getFirst("everyMonths"));
                            Integer months = months(every);
                            if (contract == null) {
                                errors.put("contractId", "reportRequest.error.contract");
                            }
                            if (subject == null || subject.length() > 2000) {
                                errors.put("subject", "reportRequest.error.subject");
                            }
                            if (due == null) {
                                errors.put("dueOn", "reportRequest.error.dueOn");
                            }
                            if (every != null && months == null) {
                                errors.put("everyMonths", "reportRequest.error.everyMonths");
                            }
                            if (!errors.isEmpty()) {
                                return list(actor, "open", null, errors, form.toSingleValueMap());
                            }
                            return requests.ask(actor, contract, subject, due, months)
                                    .map(
                                            r ->
                                                    Rendering.redirectTo(
                                                                    "/report-requests/"
                                                                            + r.id()
                                                                            + "?done=asked")
                                                            .build())
                                    .onErrorResume(
                                            ProblemException.class,
                                            e ->
                                                    asPage(e)
                                                            ? Mono.error(e)
                                                            : list(
                                                                    actor,
                                                                    "open",
                                                                    Refused.of(e),
                                                                    Map.of(),
                                                                    form.toSingleValueMap()));
                        });
    }

    @GetMapping("/report-requests/{id}")
    Mono<Rendering> one(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) String done) {
        return one(
                actor,
                id,
                null,
                null,
                done != null && List.of("asked", "answered").contains(done) ? done : null);
    }

    @PostMapping("/report-requests/{id}/answer")
    Mono<Rendering> answer(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            ServerWebExchange exchange) {
        return requests.mayAnswer(actor)
                .then(exchange.getMultipartData())
                .flatMap(
                        parts -> {
                            String text =
                                    parts.getFirst("text") instanceof FormFieldPart f
                                            ? strip(f.value())
                                            : null;
                            if (text == null || text.length() > 20000) {
                                return one(actor, id, null, "reportRequest.error.text", null);
                            }
                            var files = Multipart.chosenFiles(parts, "attachment", "attachment");
                            return requests.respond(actor, id, text, files)
                                    .thenReturn(
                                            Rendering.redirectTo(
                                                            "/report-requests/"
                                                                    + id
                                                                    + "?done=answered")
                                                    .build())
                                    .onErrorResume(
                                            ProblemException.class,
                                            e ->
                                                    asPage(e)
                                                            ? Mono.error(e)
                                                            : one(
                                                                    actor,
                                                                    id,
                                                                    Refused.of(e),
                                                                    null,
                                                                    null));
                        });
    }

    @GetMapping("/report-requests/{id}/attachments/{fileId}")
    Mono<ResponseEntity<byte[]>> attachment(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @PathVariable UUID fileId) {
        return requests.attachment(actor, id, fileId).map(EvidenceDownload::of);
    }

    private Mono<Rendering> one(Actor actor, UUID id, Refused refused, String error, String done) {
        return requests.find(actor, id)
                .map(
                        r -> {
                            var page =
                                    Rendering.view("console/provisions/report-request")
                                            .modelAttribute("r", r)
                                            .modelAttribute(
                                                    "custodian", actor.role() == Role.CUSTODIAN);
                            if (refused != null) {
                                page.modelAttribute("refused", refused)
                                        .status(HttpStatus.valueOf(refused.status()));
                            } else if (error != null) {
                                page.modelAttribute("error", error).status(HttpStatus.BAD_REQUEST);
                            }
                            if (done != null) {
                                page.modelAttribute("done", done);
                            }
                            return page.build();
                        });
    }

    private Mono<Rendering> list(
            Actor actor,
            String show,
            Refused refused,
            Map<String, String> errors,
            Map<String, String> form) {
        String filter = show != null && SHOWN.contains(show) ? show : "open";
        boolean manager = actor.role() == Role.MANAGER;
        Mono<List<ContractView>> active =
                manager
                        ? contracts.list(actor, "ACTIVE", 500, 0).collectList()
                        : Mono.just(List.of());
        return requests.list(actor, null, null)
                .filter(r -> shown(filter, r))
                .collectList()
                .zipWith(active)
                .map(
                        t -> {
                            var page =
                                    Rendering.view("console/provisions/report-requests")
                                            .modelAttribute("requests", t.getT1())
                                            .modelAttribute("contracts", t.getT2())
                                            .modelAttribute("show", filter)
                                            .modelAttribute("manager", manager)
                                            .modelAttribute("errors", errors)
                                            .modelAttribute("form", form);
                            if (refused != null) {
                                page.modelAttribute("refused", refused)
                                        .status(HttpStatus.valueOf(refused.status()));
                            } else if (!errors.isEmpty()) {
                                page.status(HttpStatus.BAD_REQUEST);
                            }
                            return page.build();
                        });
    }

    /** The tabs: "open" is every request not answered yet, late ones included. */
    private static boolean shown(String filter, ReportRequestView r) {
        return switch (filter) {
            case "open" -> !"ANSWERED".equals(r.state());
            case "late" -> "LATE".equals(r.state());
            case "answered" -> "ANSWERED".equals(r.state());
            default -> true;
        };
    }

    private static boolean asPage(ProblemException e) {
        int status = Refused.status(e);
        return status == 403 || status == 404;
    }

    private static Integer months(String s) {
        try {
            int n = s == null ? -1 : Integer.parseInt(s);
            return n >= 1 && n <= 24 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
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

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
