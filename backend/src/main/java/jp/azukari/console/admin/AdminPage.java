package jp.azukari.console.admin;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.label.LabelKeyStore;
import jp.azukari.party.PartyService;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.training.AgencyPreferences;
import jp.azukari.training.AgencySettings;
import jp.azukari.user.UserService;
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
 * The administrator's page: parties, users (create, deactivate, set a new password, role), training
 * records and the training requirement (art. 3), label keys (rotate, retire), and the agency's time
 * zone and reminder settings. {@code /admin/**} is for ADMINs only (console security); each change
 * goes through the same service as the API.
 */
@ConsolePage
class AdminPage {

    private final PartyService parties;
    private final UserService users;
    private final AgencySettings settings;
    private final LabelKeyStore keys;
    private final AgencyPreferences preferences;

    AdminPage(
            PartyService parties,
            UserService users,
            AgencySettings settings,
            LabelKeyStore keys,
            AgencyPreferences preferences) {
        this.parties = parties;
        this.users = users;
        this.settings = settings;
        this.keys = keys;
        this.preferences = preferences;
    }

    @GetMapping("/admin")
    Mono<Rendering> page(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) String done) {
        return render(actor, done, null);
    }

    /**
     * One user's changes on a page of its own: the list stays small however many users and parties
     * there are (a party choice per row of the list grew with users times parties).
     */
    @GetMapping("/admin/users/{id}")
    Mono<Rendering> user(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return Mono.zip(users.get(actor, id), parties.list(actor, null).collectList())
                .map(
                        t ->
                                Rendering.view("console/admin/user")
                                        .modelAttribute("u", t.getT1())
                                        .modelAttribute("parties", t.getT2())
                                        .modelAttribute("roles", Role.values())
                                        .build());
    }

    @PostMapping("/admin/parties")
    Mono<Rendering> party(@AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        return form(exchange)
                .flatMap(
                        f ->
                                act(
                                        actor,
                                        parties.create(
                                                actor,
                                                Mono.fromCallable(
                                                        () ->
                                                                new PartyService.NewParty(
                                                                        text(f, "name"),
                                                                        PartyKind.valueOf(
                                                                                text(f, "kind"))))),
                                        "party"));
    }

    @PostMapping("/admin/users")
    Mono<Rendering> user(@AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        return form(exchange)
                .flatMap(
                        f ->
                                act(
                                        actor,
                                        users.create(
                                                actor,
                                                Mono.fromCallable(
                                                        () ->
                                                                new UserService.NewUser(
                                                                        text(f, "username"),
                                                                        text(f, "displayName"),
                                                                        UUID.fromString(
                                                                                text(f, "partyId")),
                                                                        Role.valueOf(
                                                                                text(f, "role")),
                                                                        text(f, "password")))),
                                        "user"));
    }

    @PostMapping("/admin/users/{id}")
    Mono<Rendering> change(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            ServerWebExchange exchange) {
        return form(exchange)
                .flatMap(
                        f ->
                                act(
                                        actor,
                                        users.update(actor, id, Mono.fromCallable(() -> patch(f))),
                                        blank(f.getFirst("password")) ? "changed" : "reset"));
    }

    /** The fields of a user's change form: empty ones keep what the user has. */
    private static UserService.UserPatch patch(MultiValueMap<String, String> f) {
        String active = f.getFirst("active");
        String role = f.getFirst("role");
        String party = f.getFirst("partyId");
        String password = f.getFirst("password");
        return new UserService.UserPatch(
                null,
                blank(active) ? null : Boolean.valueOf(active.strip()),
                blank(role) ? null : Role.valueOf(role.strip()),
                blank(party) ? null : UUID.fromString(party.strip()),
                blank(password) ? null : password);
    }

    @PostMapping("/admin/users/{id}/training")
    Mono<Rendering> training(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            ServerWebExchange exchange) {
        return form(exchange)
                .flatMap(
                        f ->
                                act(
                                        actor,
                                        users.recordTraining(
                                                actor,
                                                id,
                                                Mono.fromCallable(
                                                        () ->
                                                                new UserService.TrainingRecord(
                                                                        LocalDate.parse(
                                                                                text(
                                                                                        f,
                                                                                        "completedOn")),
                                                                        LocalDate.parse(
                                                                                text(
                                                                                        f,
                                                                                        "validUntil"))))),
                                        "training"));
    }

    @PostMapping("/admin/settings/training")
    Mono<Rendering> trainingRequired(
            @AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        return form(exchange)
                .flatMap(
                        f ->
                                act(
                                        actor,
                                        settings.setFlag(
                                                AgencySettings.TRAINING_REQUIRED,
                                                "true".equals(f.getFirst("required")),
                                                actor.userId()),
                                        "setting"));
    }

    @PostMapping("/admin/settings/agency")
    Mono<Rendering> agency(@AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        return form(exchange)
                .flatMap(
                        f ->
                                act(
                                        actor,
                                        Mono.fromCallable(
                                                        () ->
                                                                new AgencyPreferences.Preferences(
                                                                        text(f, "timeZone"),
                                                                        text(f, "reminderTime"),
                                                                        Integer.parseInt(
                                                                                text(
                                                                                        f,
                                                                                        "dueSoonDays"))))
                                                .flatMap(p -> preferences.change(actor, p)),
                                        "agency"));
    }

    @PostMapping("/admin/label-keys")
    Mono<Rendering> rotate(@AuthenticationPrincipal Actor actor) {
        return act(actor, keys.rotate(), "rotated");
    }

    @PostMapping("/admin/label-keys/{id}/retire")
    Mono<Rendering> retire(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return keys.retire(id)
                .flatMap(
                        retired ->
                                retired
                                        ? Mono.just(
                                                Rendering.redirectTo("/admin?done=retired").build())
                                        : render(actor, null, "admin.error.retire").map(r -> r));
    }

    private Mono<Rendering> act(Actor actor, Mono<?> action, String done) {
        return action.then(Mono.just(Rendering.redirectTo("/admin?done=" + done).build()))
                .onErrorResume(
                        ProblemException.class,
                        e ->
                                jp.azukari.console.manage.Refused.status(e) == 403
                                        ? Mono.error(e)
                                        : render(actor, null, e.detail()))
                .onErrorResume(
                        IllegalArgumentException.class,
                        e -> render(actor, null, "admin.error.input"))
                .onErrorResume(
                        java.time.format.DateTimeParseException.class,
                        e -> render(actor, null, "admin.error.input"));
    }

    /** The page; {@code problem} is a message key ({@code admin.…}) or the service's own words. */
    private Mono<Rendering> render(Actor actor, String done, String problem) {
        return Mono.zip(
                        parties.list(actor, null).collectList(),
                                users.list(actor, null).collectList(),
                        settings.flag(AgencySettings.TRAINING_REQUIRED), keys.keys().collectList())
                .map(
                        t -> {
                            var now = preferences.current();
                            var r =
                                    Rendering.view("console/admin/admin")
                                            .model(
                                                    Map.of(
                                                            "parties",
                                                            t.getT1(),
                                                            "users",
                                                            t.getT2(),
                                                            "trainingRequired",
                                                            t.getT3(),
                                                            "keys",
                                                            t.getT4(),
                                                            "zone",
                                                            now.timeZone(),
                                                            "reminderTime",
                                                            now.reminderTime(),
                                                            "dueSoonDays",
                                                            now.dueSoonDays(),
                                                            "roles",
                                                            Role.values(),
                                                            "kinds",
                                                            PartyKind.values()));
                            if (done != null && done.matches("[a-z]{1,20}")) {
                                r.modelAttribute("done", done);
                            }
                            if (problem != null) {
                                r.modelAttribute("problem", problem).status(HttpStatus.BAD_REQUEST);
                            }
                            return r.build();
                        });
    }

    private static Mono<MultiValueMap<String, String>> form(ServerWebExchange exchange) {
        return exchange.getFormData();
    }

    private static String text(MultiValueMap<String, String> f, String name) {
        String v = f.getFirst(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return v.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
