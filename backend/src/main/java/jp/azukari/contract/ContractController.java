package jp.azukari.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/contracts")
class ContractController {

    private final ContractService contracts;

    ContractController(ContractService contracts) {
        this.contracts = contracts;
    }

    record ContractRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{L}\\p{N}._/()\\- ]+") String number,
            @NotBlank @Size(max = 300) String title,
            @NotNull UUID contractorPartyId,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            LocalDate returnDueOn) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ContractView> register(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody ContractRequest body) {
        return contracts.register(
                actor,
                new ContractService.NewContract(
                        body.number().trim(),
                        body.title().trim(),
                        body.contractorPartyId(),
                        body.startsOn(),
                        body.endsOn(),
                        body.returnDueOn()));
    }

    @GetMapping
    Flux<ContractView> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Pattern(regexp = "ACTIVE|COMPLETED|CLOSED")
                    String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return contracts.list(actor, status, limit, offset);
    }

    @GetMapping("/{id}")
    Mono<ContractView> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return contracts.find(actor, id);
    }
}
