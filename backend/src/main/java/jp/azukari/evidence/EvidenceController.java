package jp.azukari.evidence;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.report.Csv;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/evidence/labels} (forged, foreign and malformed labels presented) and {@code
 * GET /api/v1/evidence/refusals} (self-approval attempts): AUDITOR, JSON or {@code Accept:
 * text/csv}.
 */
@RestController
@Validated
class EvidenceController {

    private static final List<EvidenceLog.Kind> LABELS =
            List.of(
                    EvidenceLog.Kind.LABEL_FORGED,
                    EvidenceLog.Kind.LABEL_FOREIGN,
                    EvidenceLog.Kind.LABEL_MALFORMED);
    private static final List<EvidenceLog.Kind> REFUSALS = List.of(EvidenceLog.Kind.SELF_APPROVAL);
    private static final List<String> HEADER =
            List.of(
                    "occurred_at",
                    "kind",
                    "user_id",
                    "username",
                    "device_id",
                    "endpoint",
                    "presented",
                    "subject_id",
                    "article",
                    "detail");

    private final EvidenceQuery evidence;

    EvidenceController(EvidenceQuery evidence) {
        this.evidence = evidence;
    }

    @GetMapping(path = "/api/v1/evidence/labels", produces = MediaType.APPLICATION_JSON_VALUE)
    Flux<EvidenceView> labels(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to,
            @RequestParam(required = false) UUID user,
            @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        return evidence.list(
                actor, new EvidenceQuery.Filter(from, to, user, LABELS, limit, offset));
    }

    @GetMapping(path = "/api/v1/evidence/labels", produces = "text/csv")
    Mono<ResponseEntity<Flux<DataBuffer>>> labelsCsv(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to,
            @RequestParam(required = false) UUID user,
            ServerHttpResponse response) {
        return csv(
                actor,
                new EvidenceQuery.Filter(from, to, user, LABELS, Integer.MAX_VALUE, 0),
                "label-evidence",
                response);
    }

    @GetMapping(path = "/api/v1/evidence/refusals", produces = MediaType.APPLICATION_JSON_VALUE)
    Flux<EvidenceView> refusals(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to,
            @RequestParam(required = false) UUID user,
            @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        return evidence.list(
                actor, new EvidenceQuery.Filter(from, to, user, REFUSALS, limit, offset));
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> csv(
            Actor actor, EvidenceQuery.Filter filter, String name, ServerHttpResponse response) {
        return evidence.allowed(actor)
                .thenReturn(
                        ResponseEntity.ok()
                                .header(HttpHeaders.CONTENT_TYPE, Csv.MEDIA_TYPE)
                                .header(
                                        HttpHeaders.CONTENT_DISPOSITION,
                                        "attachment; filename=\"" + name + ".csv\"")
                                .body(
                                        Csv.stream(
                                                response.bufferFactory(),
                                                HEADER,
                                                evidence.list(actor, filter),
                                                e ->
                                                        List.of(
                                                                e.occurredAt(),
                                                                e.kind(),
                                                                String.valueOf(e.userId()),
                                                                nz(e.username()),
                                                                nz(e.deviceId()),
                                                                e.endpoint(),
                                                                nz(e.presented()),
                                                                e.subjectId() == null
                                                                        ? ""
                                                                        : e.subjectId().toString(),
                                                                nz(e.article()),
                                                                nz(e.detail())))));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
