package jp.azukari.scan.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.TransferService;
import jp.azukari.custody.TransferView;
import jp.azukari.custody.domain.HandlingAcknowledgement;
import jp.azukari.label.LabelPhotoReader;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.scan.ScanService;
import jp.azukari.scan.ScanService.Purpose;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The scan station {@code /scan}: one page to confirm a transfer by scanning (keyboard wedge,
 * camera, photo of a tray) or, without a transfer, to collect labels and start a HANDOFF, RECOVER
 * or RETURN. Every scan goes through {@link ScanService}, the same service as {@code POST
 * /api/v1/scans}, with a scan id made when it was read.
 */
@ConsolePage
class ScanStationController {

    static final String VIEW = "console/scan/station";
    static final String FRAGMENT = "console/scan/fragments :: scanned";

    /**
     * Longer than any label, as the API allows; what is longer is answered here and never stored.
     */
    static final int MAX_INPUT = 20_000;

    private final ScanService scans;
    private final TransferService transfers;

    /** Stands for a photo that could not be read at all, among the texts read from one. */
    private static final String UNREADABLE = "\u0000unreadable";

    private final LabelPhotoReader photos;
    private final Clock clock;

    ScanStationController(
            ScanService scans, TransferService transfers, LabelPhotoReader photos, Clock clock) {
        this.scans = scans;
        this.transfers = transfers;
        this.photos = photos;
        this.clock = clock;
    }

    @GetMapping("/scan")
    Mono<String> station(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID transfer,
            Model model) {
        if (actor == null) {
            return Mono.just(
                    Console.signIn("/scan" + (transfer == null ? "" : "?transfer=" + transfer)));
        }
        return render(actor, transfer, List.of(), List.of(), model, VIEW);
    }

    /**
     * One scan from the keyboard-wedge input: its line (htmx) or the whole page (a plain form
     * post).
     */
    @PostMapping(value = "/scan/wedge", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> wedge(
            @AuthenticationPrincipal Actor actor, ServerWebExchange exchange, Model model) {
        if (actor == null) {
            return Mono.just(Console.signIn("/scan"));
        }
        return exchange.getFormData()
                .flatMap(
                        form -> {
                            UUID transfer = Console.uuid(form.getFirst("transfer"));
                            List<ScanLine> collected = ScanForms.collected(form.get("asset"));
                            UUID scanId = Console.uuid(form.getFirst("scanId"));
                            String raw = form.getFirst("label");
                            Mono<ScanLine> line;
                            if (scanId == null) {
                                line =
                                        Mono.just(
                                                ScanLine.refused(UUID.randomUUID(), "BAD_SCAN_ID"));
                            } else if (raw == null || raw.isBlank()) {
                                line = Mono.just(ScanLine.refused(scanId, "EMPTY"));
                            } else if (raw.length() > MAX_INPUT) {
                                line = Mono.just(ScanLine.refused(scanId, "TOO_LONG"));
                            } else {
                                String device =
                                        "camera".equals(form.getFirst("source"))
                                                ? "browser-camera"
                                                : "browser-wedge";
                                line =
                                        scan(
                                                        actor,
                                                        device,
                                                        transfer,
                                                        List.of(
                                                                new ScanService.Scan(
                                                                        scanId,
                                                                        ScanForms.payload(raw),
                                                                        clock.instant(),
                                                                        transfer == null
                                                                                ? Purpose.LOOKUP
                                                                                : Purpose.CONFIRM,
                                                                        transfer,
                                                                        null,
                                                                        null,
                                                                        acknowledgement(
                                                                                form.getFirst(ACK),
                                                                                model))))
                                                .map(found -> found.get(0));
                            }
                            return line.flatMap(
                                    l -> {
                                        List<ScanLine> all =
                                                ScanForms.withFound(collected, List.of(l));
                                        model.addAttribute("line", l);
                                        model.addAttribute("newLines", List.of(l));
                                        return render(
                                                actor,
                                                transfer,
                                                List.of(l),
                                                all,
                                                model,
                                                Console.isHtmx(exchange) ? FRAGMENT : VIEW);
                                    });
                        });
    }

    /**
     * One photo of a tray (a plain multipart form): every label in it, each with a scan id made
     * from the photo's.
     */
    @PostMapping(value = "/scan/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<String> photo(
            @AuthenticationPrincipal Actor actor, ServerWebExchange exchange, Model model) {
        if (actor == null) {
            return Mono.just(Console.signIn("/scan"));
        }
        return exchange.getMultipartData()
                .flatMap(
                        parts -> {
                            UUID transfer = Console.uuid(field(parts, "transfer"));
                            UUID photoId = Console.uuid(field(parts, "photoId"));
                            List<String> assets =
                                    parts.getOrDefault("asset", List.of()).stream()
                                            .filter(p -> p instanceof FormFieldPart)
                                            .map(p -> ((FormFieldPart) p).value())
                                            .toList();
                            List<ScanLine> collected = ScanForms.collected(assets);
                            Part file = parts.getFirst("photo");
                            if (photoId == null || !(file instanceof FilePart image)) {
                                model.addAttribute("notice", "scan.photo.unreadable");
                                return render(actor, transfer, List.of(), collected, model, VIEW);
                            }
                            return DataBufferUtils.join(image.content())
                                    .map(ScanForms::bytes)
                                    .flatMap(photos::photo)
                                    .map(
                                            found ->
                                                    found.stream()
                                                            .map(
                                                                    c ->
                                                                            c.payload() != null
                                                                                    ? c.payload()
                                                                                    : c.text())
                                                            .toList())
                                    .onErrorResume(
                                            jp.azukari.platform.problem.ProblemException.class,
                                            e -> Mono.just(List.of(UNREADABLE)))
                                    .flatMap(
                                            read -> {
                                                if (read.isEmpty()
                                                        || read.equals(List.of(UNREADABLE))) {
                                                    model.addAttribute(
                                                            "notice",
                                                            read.isEmpty()
                                                                    ? "scan.photo.none"
                                                                    : "scan.photo.unreadable");
                                                    return render(
                                                            actor, transfer, List.of(), collected,
                                                            model, VIEW);
                                                }
                                                List<ScanService.Scan> batch = new ArrayList<>();
                                                for (String payload :
                                                        new LinkedHashSet<>(
                                                                read.stream()
                                                                        .map(ScanForms::payload)
                                                                        .toList())) {
                                                    UUID id =
                                                            UUID.nameUUIDFromBytes(
                                                                    (photoId + "\n" + payload)
                                                                            .getBytes(
                                                                                    StandardCharsets
                                                                                            .UTF_8));
                                                    batch.add(
                                                            new ScanService.Scan(
                                                                    id,
                                                                    payload,
                                                                    clock.instant(),
                                                                    transfer == null
                                                                            ? Purpose.LOOKUP
                                                                            : Purpose.CONFIRM,
                                                                    transfer,
                                                                    null,
                                                                    null,
                                                                    acknowledgement(
                                                                            field(parts, ACK),
                                                                            model)));
                                                }
                                                return scan(actor, "browser-photo", transfer, batch)
                                                        .flatMap(
                                                                lines -> {
                                                                    model.addAttribute(
                                                                            "newLines", lines);
                                                                    return render(
                                                                            actor,
                                                                            transfer,
                                                                            lines,
                                                                            ScanForms.withFound(
                                                                                    collected,
                                                                                    lines),
                                                                            model,
                                                                            Console.isHtmx(exchange)
                                                                                    ? FRAGMENT
                                                                                    : VIEW);
                                                                });
                                            });
                        });
    }

    /**
     * A camera frame (JPEG): the payloads in it, decoded only; the page confirms each new one as a
     * wedge scan.
     */
    @PostMapping(value = "/scan/frame", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Mono<Map<String, List<String>>> frame(
            @AuthenticationPrincipal Actor actor, @RequestBody byte[] jpeg) {
        return photos.cameraFrame(jpeg)
                .map(
                        found ->
                                found.stream()
                                        .map(LabelPhotoReader.FoundCode::payload)
                                        .filter(java.util.Objects::nonNull)
                                        .distinct()
                                        .toList())
                .onErrorResume(
                        jp.azukari.platform.problem.ProblemException.class,
                        e -> Mono.just(List.of()))
                .map(p -> Map.of("payloads", p));
    }

    private Mono<List<ScanLine>> scan(
            Actor actor, String device, UUID transfer, List<ScanService.Scan> batch) {
        return scans.process(actor, device, batch)
                .map(results -> results.stream().map(ScanLine::of).toList());
    }

    private Mono<String> render(
            Actor actor,
            UUID transfer,
            List<ScanLine> lines,
            List<ScanLine> collected,
            Model model,
            String view) {
        Mono<TransferView> t = transfer == null ? Mono.empty() : transfers.find(actor, transfer);
        return t.map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .map(
                        found -> {
                            ScanStationModel.fill(model, found.orElse(null), lines, collected);
                            return view;
                        });
    }

    /**
     * The form's tick box: the custodian has read and will keep the handling requirements (art.
     * 2.2).
     */
    static final String ACK = "acknowledgedHandling";

    private static HandlingAcknowledgement acknowledgement(String ticked, Model model) {
        boolean yes = "true".equals(ticked) || "on".equals(ticked);
        model.addAttribute("acknowledged", yes);
        return yes ? HandlingAcknowledgement.ACKNOWLEDGED : HandlingAcknowledgement.NONE;
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart f ? f.value() : null;
    }
}
