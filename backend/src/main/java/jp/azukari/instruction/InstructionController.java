package jp.azukari.instruction;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import jp.azukari.common.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Contract-level instructions (art. 11) and acknowledgements of incident instructions with the
 * incident's timing (8.2, 8.3).
 */
@RestController
class InstructionController {

    record IssueRequest(@NotBlank @Size(max = 4000) String text, @NotNull LocalDate dueOn) {}

    record DoneRequest(@Size(max = 4000) String note) {}

    private final InstructionService instructions;
    private final IncidentAcknowledgements acknowledgements;

    InstructionController(
            InstructionService instructions, IncidentAcknowledgements acknowledgements) {
        this.instructions = instructions;
        this.acknowledgements = acknowledgements;
    }

    @PostMapping("/api/v1/contracts/{contractId}/instructions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<InstructionView> issue(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID contractId,
            @Valid @RequestBody IssueRequest b) {
        return instructions.issue(actor, contractId, b.text().strip(), b.dueOn());
    }

    @GetMapping("/api/v1/instructions")
    Flux<InstructionView> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID contractId,
            @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "false") boolean late) {
        return instructions.list(actor, contractId, open, late);
    }

    @GetMapping("/api/v1/instructions/{id}")
    Mono<InstructionView> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return instructions.find(actor, id);
    }

    @PostMapping("/api/v1/instructions/{id}/acknowledge")
    Mono<InstructionView> acknowledge(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return instructions.acknowledge(actor, id);
    }

    @PostMapping("/api/v1/instructions/{id}/done")
    Mono<InstructionView> done(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) DoneRequest b) {
        return instructions.done(
                actor, id, b == null || b.note() == null ? null : b.note().strip());
    }

    @PostMapping("/api/v1/incidents/{id}/instructions/{entryId}/acknowledge")
    Mono<IncidentTiming> acknowledgeIncidentInstruction(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @PathVariable UUID entryId) {
        return acknowledgements.acknowledge(actor, id, entryId);
    }

    @GetMapping("/api/v1/incidents/{id}/timing")
    Mono<IncidentTiming> timing(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return acknowledgements.timing(actor, id);
    }
}
