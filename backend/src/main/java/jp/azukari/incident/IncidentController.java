package jp.azukari.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

    record ReportRequest(
            @NotNull IncidentRules.Kind kind,
            @NotEmpty @Size(max = IncidentService.MAX_ASSETS) List<@NotNull UUID> assetIds,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 4000) String description) {}

    record InstructionRequest(@NotBlank @Size(max = 4000) String text) {}

    record StatusRequest(@NotNull IncidentRules.Status status, @Size(max = 4000) String note) {}

    private final IncidentService incidents;

    IncidentController(IncidentService incidents) {
        this.incidents = incidents;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<IncidentView> report(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody ReportRequest body) {
        return incidents.report(
                actor,
                new IncidentService.Report(
                        body.kind(),
                        body.assetIds(),
                        body.occurredAt(),
                        body.description().strip(),
                        null));
    }

    @GetMapping
    Flux<IncidentView> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID contractId,
            @RequestParam(required = false) @Pattern(regexp = "OPEN|INVESTIGATING|CLOSED")
                    String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return incidents.list(actor, contractId, status, limit, offset);
    }

    @GetMapping("/{id}")
    Mono<IncidentView> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return incidents.find(actor, id);
    }

    @PostMapping("/{id}/instructions")
    Mono<IncidentView> instruct(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @Valid @RequestBody InstructionRequest body) {
        return incidents.instruct(actor, id, body.text().strip());
    }

    @PostMapping("/{id}/status")
    Mono<IncidentView> move(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @Valid @RequestBody StatusRequest body) {
        return incidents.move(actor, id, body.status(), body.note());
    }
}
