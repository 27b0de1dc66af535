package jp.azukari.user;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private static final String NOT_BLANK = "(?s).*\\S.*";

    record CreateUserRequest(
            @NotNull
                    @Pattern(
                            regexp = "[a-z0-9._-]{3,64}",
                            message = "must be 3 to 64 characters of a-z, 0-9, '.', '_' or '-'")
                    String username,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull UUID partyId,
            @NotNull Role role,
            @NotNull String password) {}

    record UpdateUserRequest(
            @Size(max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
                    String displayName,
            Boolean active,
            Role role,
            UUID partyId,
            String password) {}

    record TrainingRequest(@NotNull LocalDate completedOn, @NotNull LocalDate validUntil) {}

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping
    Flux<UserView> list(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID partyId) {
        return users.list(actor, partyId);
    }

    @GetMapping("/me")
    Mono<UserView> me(@AuthenticationPrincipal Actor actor) {
        return users.me(actor);
    }

    @GetMapping("/{id}")
    Mono<UserView> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return users.get(actor, id);
    }

    @PostMapping
    Mono<ResponseEntity<UserView>> create(
            @AuthenticationPrincipal Actor actor,
            @Valid @RequestBody Mono<CreateUserRequest> body) {
        return users.create(
                        actor,
                        body.map(
                                b ->
                                        new UserService.NewUser(
                                                b.username(),
                                                b.displayName(),
                                                b.partyId(),
                                                b.role(),
                                                b.password())))
                .map(
                        created ->
                                ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                                        .body(created));
    }

    @PatchMapping("/{id}")
    Mono<UserView> update(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @Valid @RequestBody Mono<UpdateUserRequest> body) {
        return users.update(
                actor,
                id,
                body.map(
                        b ->
                                new UserService.UserPatch(
                                        b.displayName(),
                                        b.active(),
                                        b.role(),
                                        b.partyId(),
                                        b.password())));
    }

    @PutMapping("/{id}/training")
    Mono<UserView> training(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @Valid @RequestBody Mono<TrainingRequest> body) {
        return users.recordTraining(
                actor,
                id,
                body.map(b -> new UserService.TrainingRecord(b.completedOn(), b.validUntil())));
    }
}
