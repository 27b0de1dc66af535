package jp.azukari.approval;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.domain.ApprovalKind;
import jp.azukari.custody.domain.ApprovalStatus;
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
@RequestMapping("/api/v1/approvals")
class ApprovalController {

    private final ApprovalService approvals;

    ApprovalController(ApprovalService approvals) {
        this.approvals = approvals;
    }

    record ApprovalRequest(
            @NotNull UUID contractId,
            @NotNull ApprovalKind kind,
            UUID subcontractorPartyId,
            @Size(max = 1000) List<@NotNull UUID> assetIds,
            @NotNull LocalDate validUntil,
            @NotBlank @Size(max = 2000) String reason) {}

    record DecisionRequest(
            @NotNull ApprovalStatus decision,
            @Size(max = 2000) String note,
            LocalDate validUntil) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApprovalView> request(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody ApprovalRequest body) {
        return approvals.request(
                actor,
                new ApprovalService.Request(
                        body.contractId(),
                        body.kind(),
                        body.subcontractorPartyId(),
                        body.assetIds(),
                        body.validUntil(),
                        body.reason().strip()));
    }

    @PostMapping("/{id}/decision")
    Mono<ApprovalView> decide(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @Valid @RequestBody DecisionRequest body) {
        return approvals.decide(
                actor,
                id,
                new ApprovalService.Decision(body.decision(), body.note(), body.validUntil()));
    }

    @GetMapping
    Flux<ApprovalView> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID contractId,
            @RequestParam(required = false) @Pattern(regexp = "PENDING|APPROVED|REJECTED")
                    String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return approvals.list(actor, contractId, status, limit, offset);
    }

    @GetMapping("/{id}")
    Mono<ApprovalView> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return approvals.find(actor, id);
    }
}
