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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The scan station's pictures: a photo of a tray (every label in it confirmed, or collected) and
 * the camera mode's frames (decoded only; the page sends each new label as a scan of its own). Both
 * are read by the core decoder through {@link LabelPhotoReader}, as {@code scanner-app} reads them.
 */
@ConsolePage
class ScanPhotoController {

    /** Stands for a photo that could not be read at all, among the texts read from one. */
    private static final String UNREADABLE = "\u0000unreadable";

    private static final String ACK = ScanStationModel.ACK;
    private static final String VIEW = ScanStationController.VIEW;
    private static final String FRAGMENT = ScanStationController.FRAGMENT;

    private final ScanService scans;
    private final TransferService transfers;
    private final LabelPhotoReader photos;
    private final Clock clock;

    ScanPhotoController(
            ScanService scans, TransferService transfers, LabelPhotoReader photos, Clock clock) {
        this.scans = scans;
        this.transfers = transfers;
        this.photos = photos;
        this.clock = clock;
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
        return ScanStationModel.scan(scans, actor, device, batch);
    }

    private Mono<String> render(
            Actor actor,
            UUID transfer,
            List<ScanLine> lines,
            List<ScanLine> collected,
            Model model,
            String view) {
        return ScanStationModel.render(transfers, actor, transfer, lines, collected, model, view);
    }

    private static HandlingAcknowledgement acknowledgement(String ticked, Model model) {
        return ScanStationModel.acknowledgement(ticked, model);
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart f ? f.value() : null;
    }
}
