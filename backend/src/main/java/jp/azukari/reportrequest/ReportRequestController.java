package jp.azukari.reportrequest;

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
import jp.azukari.platform.web.EvidenceDownload;
import jp.azukari.platform.web.Multipart;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
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
 * Report requests (art. 8.1). The answer is {@code multipart/form-data}: {@code text} and zero or
 * more {@code attachment} file parts.
 */
@RestController
class ReportRequestController {

    record AskRequest(
            @NotBlank @Size(max = 2000) String subject,
            @NotNull LocalDate dueOn,
            @Min(1) @Max(24) Integer everyMonths) {}

    private final ReportRequestService requests;

    ReportRequestController(ReportRequestService requests) {
        this.requests = requests;
    }

    @PostMapping("/api/v1/contracts/{contractId}/report-requests")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ReportRequestView> ask(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID contractId,
            @Valid @RequestBody AskRequest b) {
        return requests.ask(actor, contractId, b.subject().strip(), b.dueOn(), b.everyMonths());
    }

    @GetMapping("/api/v1/report-requests")
    Flux<ReportRequestView> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID contractId,
            @RequestParam(required = false) @Pattern(regexp = "OPEN|LATE|ANSWERED") String state) {
        return requests.list(actor, contractId, state);
    }

    @GetMapping("/api/v1/report-requests/{id}")
    Mono<ReportRequestView> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return requests.find(actor, id);
    }

    @PostMapping(
            path = "/api/v1/report-requests/{id}/answer",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ReportRequestView> answer(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestBody Mono<MultiValueMap<String, Part>> form) {
        return form.flatMap(
                parts ->
                        requests.respond(
                                actor,
                                id,
                                Multipart.field(parts, "text", true, 20000),
                                Multipart.files(parts, "attachment", "attachment")));
    }

    @GetMapping("/api/v1/report-requests/{id}/attachments/{fileId}")
    Mono<ResponseEntity<byte[]>> attachment(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @PathVariable UUID fileId) {
        return requests.attachment(actor, id, fileId).map(EvidenceDownload::of);
    }
}
