package jp.azukari.device.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.approval.ApprovalService;
import jp.azukari.approval.ApprovalView;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.console.manage.Refused;
import jp.azukari.contract.ContractService;
import jp.azukari.device.DeviceRules;
import jp.azukari.device.DeviceService;
import jp.azukari.party.PartyService;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;
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
 * Art. 5: the register of connected devices per contract. A custodian registers its equipment (or a
 * MANAGER for a party) under an APPROVED NETWORK_CONNECTION approval, asked for and decided through
 * the approval pages; a MANAGER suspends, resumes or disconnects with a reason. Every rule is
 * {@link DeviceService}'s and {@link DeviceRules}', as in the API.
 */
@ConsolePage
class DevicesPage {

    private static final List<String> FIELDS =
            List.of(
                    "contractId",
                    "ownerPartyId",
                    "name",
                    "identifier",
                    "purpose",
                    "network",
                    "approvalId",
                    "validUntil");

    private final DeviceService devices;
    private final ContractService contracts;
    private final ApprovalService approvals;
    private final PartyService parties;

    DevicesPage(
            DeviceService devices,
            ContractService contracts,
            ApprovalService approvals,
            PartyService parties) {
        this.devices = devices;
        this.contracts = contracts;
        this.approvals = approvals;
        this.parties = parties;
    }

    @GetMapping("/devices")
    Mono<Rendering> list(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) String show) {
        boolean overdue = "overdue".equals(show);
        return devices.list(actor, null, overdue)
                .collectList()
                .map(
                        l ->
                                Rendering.view("console/provisions/devices")
                                        .modelAttribute("devices", l)
                                        .modelAttribute("show", overdue ? "overdue" : "all")
                                        .modelAttribute(
                                                "mayRegister",
                                                actor.role() == Role.CUSTODIAN
                                                        || actor.role() == Role.MANAGER)
                                        .build());
    }

    @GetMapping("/devices/new")
    Mono<Rendering> form(@AuthenticationPrincipal Actor actor) {
        return devices.mayRegister(actor).then(form(actor, Map.of(), Map.of(), null));
    }

    @PostMapping("/devices")
    Mono<Rendering> register(@AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        // the role first: a form from someone who may not register is a 403, whatever it holds
        return devices.mayRegister(actor)
                .then(exchange.getFormData())
                .flatMap(f -> register(actor, f));
    }

    private Mono<Rendering> register(Actor actor, MultiValueMap<String, String> f) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(n -> form.put(n, strip(f.getFirst(n))));
        Map<String, String> errors = new LinkedHashMap<>();
        UUID contract = uuid(form.get("contractId"));
        UUID owner = uuid(form.get("ownerPartyId"));
        UUID approval = uuid(form.get("approvalId"));
        LocalDate until = date(form.get("validUntil"));
        if (contract == null) {
            errors.put("contractId", "device.error.contract");
        }
        if (actor.role() == Role.MANAGER && owner == null) {
            errors.put("ownerPartyId", "device.error.owner");
        }
        for (String n : List.of("name", "purpose", "network")) {
            if (form.get(n) == null || form.get(n).length() > 200) {
                errors.put(n, "device.error." + n);
            }
        }
        if (form.get("identifier") != null && form.get("identifier").length() > 200) {
            errors.put("identifier", "device.error.identifier");
        }
        if (approval == null) {
            errors.put("approvalId", "device.error.approval");
        }
        if (until == null) {
            errors.put("validUntil", "device.error.validUntil");
        }
        if (!errors.isEmpty()) {
            return form(actor, form, errors, null);
        }
        var d =
                new DeviceService.NewDevice(
                        owner,
                        form.get("name"),
                        form.get("identifier"),
                        form.get("purpose"),
                        form.get("network"),
                        approval,
                        until);
        return devices.register(actor, contract, d)
                .map(v -> Rendering.redirectTo("/devices/" + v.id() + "?done=registered").build())
                .onErrorResume(
                        ProblemException.class,
                        e ->
                                Refused.status(e) == 404
                                        ? Mono.error(e)
                                        : form(actor, form, Map.of(), Refused.of(e)));
    }

    @GetMapping("/devices/{id}")
    Mono<Rendering> one(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) String done) {
        return one(
                actor,
                id,
                null,
                null,
                done != null && List.of("registered", "changed").contains(done) ? done : null);
    }

    @PostMapping("/devices/{id}/status")
    Mono<Rendering> change(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            ServerWebExchange exchange) {
        return devices.mayChange(actor)
                .then(exchange.getFormData())
                .flatMap(
                        f -> {
                            DeviceRules.Change change;
                            try {
                                change =
                                        DeviceRules.Change.valueOf(
                                                String.valueOf(f.getFirst("change")));
                            } catch (IllegalArgumentException e) {
                                change = null;
                            }
                            String reason = strip(f.getFirst("reason"));
                            if (change == null || reason == null || reason.length() > 2000) {
                                return one(actor, id, null, "device.error.change", null);
                            }
                            return devices.change(actor, id, change, reason)
                                    .thenReturn(
                                            Rendering.redirectTo("/devices/" + id + "?done=changed")
                                                    .build())
                                    .onErrorResume(
                                            ProblemException.class,
                                            e ->
                                                    Refused.status(e) == 403
                                                                    || Refused.status(e) == 404
                                                            ? Mono.error(e)
                                                            : one(
                                                                    actor,
                                                                    id,
                                                                    Refused.of(e),
                                                                    null,
                                                                    null));
                        });
    }

    private Mono<Rendering> one(Actor actor, UUID id, Refused refused, String error, String done) {
        return devices.find(actor, id)
                .map(
                        d -> {
                            var status = DeviceRules.Status.valueOf(d.status());
                            List<String> changes =
                                    Arrays.stream(DeviceRules.Change.values())
                                            .filter(c -> DeviceRules.apply(status, c).isPresent())
                                            .map(Enum::name)
                                            .toList();
                            var r =
                                    Rendering.view("console/provisions/device")
                                            .modelAttribute("d", d)
                                            .modelAttribute("changes", changes)
                                            .modelAttribute(
                                                    "manager", actor.role() == Role.MANAGER);
                            if (refused != null) {
                                r.modelAttribute("refused", refused)
                                        .status(HttpStatus.valueOf(refused.status()));
                            } else if (error != null) {
                                r.modelAttribute("error", error).status(HttpStatus.BAD_REQUEST);
                            }
                            if (done != null) {
                                r.modelAttribute("done", done);
                            }
                            return r.build();
                        });
    }

    private Mono<Rendering> form(
            Actor actor, Map<String, String> form, Map<String, String> errors, Refused refused) {
        boolean manager = actor.role() == Role.MANAGER;
        Mono<List<ApprovalView>> usable =
                approvals
                        .list(actor, null, "APPROVED", 500, 0)
                        .filter(a -> "NETWORK_CONNECTION".equals(a.kind()))
                        .collectList();
        return Mono.zip(
                        contracts.list(actor, "ACTIVE", 500, 0).collectList(),
                        usable,
                        manager
                                ? parties.list(actor, null).collectList()
                                : Mono.just(List.<jp.azukari.party.PartyView>of()))
                .map(
                        t -> {
                            var r =
                                    Rendering.view("console/provisions/device-new")
                                            .modelAttribute("contracts", t.getT1())
                                            .modelAttribute("approvals", t.getT2())
                                            .modelAttribute(
                                                    "owners",
                                                    t.getT3().stream()
                                                            .filter(
                                                                    p ->
                                                                            !"AGENCY"
                                                                                    .equals(
                                                                                            p.kind()
                                                                                                    .name()))
                                                            .toList())
                                            .modelAttribute("manager", manager)
                                            .modelAttribute("form", form)
                                            .modelAttribute("errors", errors);
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
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String s) {
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
