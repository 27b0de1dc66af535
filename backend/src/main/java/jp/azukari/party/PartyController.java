package jp.azukari.party;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.PartyKind;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/parties")
class PartyController {

    record CreatePartyRequest(@NotBlank @Size(max = 200) String name, @NotNull PartyKind kind) {}

    private final PartyService parties;

    PartyController(PartyService parties) {
        this.parties = parties;
    }

    @GetMapping
    Flux<PartyView> list(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) PartyKind kind) {
        return parties.list(actor, kind);
    }

    @GetMapping("/{id}")
    Mono<PartyView> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return parties.get(actor, id);
    }

    @PostMapping
    Mono<ResponseEntity<PartyView>> create(
            @AuthenticationPrincipal Actor actor,
            @Valid @RequestBody Mono<CreatePartyRequest> body) {
        return parties.create(actor, body.map(b -> new PartyService.NewParty(b.name(), b.kind())))
                .map(
                        created ->
                                ResponseEntity.created(
                                                URI.create("/api/v1/parties/" + created.id()))
                                        .body(created));
    }
}
