package jp.azukari.console.audit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.ledger.Evidence;
import jp.azukari.party.PartyService;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.report.Csv;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refused attempts across the agency, filtered by rule code, article, party and days; the same as
 * CSV for Excel.
 */
@ConsolePage
class EvidencePage {

    static final int SHOWN = 500;
    static final List<String> CSV_HEADER =
            List.of(
                    "occurred_at",
                    "contract_number",
                    "tag",
                    "seq",
                    "type",
                    "refusal_code",
                    "article",
                    "actor",
                    "actor_party",
                    "from_party",
                    "to_party",
                    "device",
                    "scanned_payload",
                    "transfer_id",
                    "note",
                    "endpoint");

    private final Evidence evidence;
    private final PartyService parties;

    EvidencePage(Evidence evidence, PartyService parties) {
        this.evidence = evidence;
        this.parties = parties;
    }

    @GetMapping("/evidence")
    Mono<Rendering> page(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String article,
            @RequestParam(required = false) UUID partyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to) {
        var filter = new Evidence.Filter(code, article, partyId, from, to);
        return evidence.find(actor, filter, SHOWN)
                .collectList()
                .zipWith(parties.list(actor, null).collectList())
                .map(
                        t ->
                                Rendering.view("console/audit/evidence")
                                        .modelAttribute("items", t.getT1())
                                        .modelAttribute("parties", t.getT2())
                                        .modelAttribute("f", filter)
                                        .modelAttribute("shown", SHOWN)
                                        .build());
    }

    @GetMapping("/evidence.csv")
    Mono<ResponseEntity<Flux<DataBuffer>>> csv(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String article,
            @RequestParam(required = false) UUID partyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to,
            ServerHttpResponse response) {
        Flux<Evidence.Item> rows =
                evidence.find(
                        actor,
                        new Evidence.Filter(code, article, partyId, from, to),
                        Evidence.MAX_ROWS);
        // refused before the response starts: the console's 403 page rather than a broken file
        return evidence.allowed(actor)
                .then(
                        Mono.fromSupplier(
                                () ->
                                        ResponseEntity.ok()
                                                .header(HttpHeaders.CONTENT_TYPE, Csv.MEDIA_TYPE)
                                                .header(
                                                        HttpHeaders.CONTENT_DISPOSITION,
                                                        "attachment; filename=\"evidence.csv\"")
                                                .body(
                                                        Csv.stream(
                                                                response.bufferFactory(),
                                                                CSV_HEADER,
                                                                rows,
                                                                EvidencePage::cells))));
    }

    private static List<?> cells(Evidence.Item i) {
        return Arrays.asList(
                Csv.plain(i.occurredAt()),
                i.contractNumber(),
                i.tag(),
                i.seq() == null ? null : Csv.plain(i.seq()),
                i.type(),
                i.refusalCode(),
                i.article(),
                i.actorName(),
                i.actorParty(),
                i.fromParty(),
                i.toParty(),
                i.deviceId(),
                i.scannedPayload(),
                i.transferId() == null ? null : Csv.plain(i.transferId()),
                i.note(),
                i.endpoint());
    }
}
