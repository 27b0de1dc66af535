package jp.azukari.label;

import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.core.scan.ScanResultCode;
import jp.azukari.platform.Scope;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Labels of assets the caller may see, and what a scanned payload is. Rendering runs off the event
 * loop.
 */
public class LabelService {

    public static final int MAX_LABELS_PER_PDF = 5000;

    private final DatabaseClient db;
    private final LabelKeyStore keys;
    private final Optional<String> baseUrl;
    private final PngLabelRenderer png = new PngLabelRenderer();
    private final SvgLabelRenderer svg = new SvgLabelRenderer();
    private final PdfLabelRenderer pdf = new PdfLabelRenderer();

    public LabelService(DatabaseClient db, LabelKeyStore keys, Optional<String> baseUrl) {
        this.db = db;
        this.keys = keys;
        this.baseUrl = baseUrl;
    }

    public enum Layout {
        /** A4 sheet, 24 labels of 70 × 37 mm */
        A4_24(LabelSize.SHEET_70X37),
        /** one label per page on 62 mm tape */
        TAPE_62(LabelSize.TAPE_62X29);

        final LabelSize size;

        Layout(LabelSize size) {
            this.size = size;
        }
    }

    /** What an asset's label shows, with the asset as the caller may see it. */
    public record LabelledAsset(
            UUID id,
            String tag,
            String title,
            UUID contractId,
            String contractNumber,
            String agencyName,
            String custodyState,
            UUID holderPartyId,
            String holderPartyName) {}

    private static final String SELECT =
            """
            SELECT a.id, a.tag, a.title, a.contract_id, a.custody_state, a.holder_party_id, c.number AS contract_number,
                   ag.name AS agency_name, h.name AS holder_name
              FROM asset a JOIN contract c ON c.id = a.contract_id JOIN party ag ON ag.id = c.agency_party_id
              JOIN party h ON h.id = a.holder_party_id
            """;

    private static LabelledAsset read(Readable r) {
        return new LabelledAsset(
                r.get("id", UUID.class),
                r.get("tag", String.class),
                r.get("title", String.class),
                r.get("contract_id", UUID.class),
                r.get("contract_number", String.class),
                r.get("agency_name", String.class),
                r.get("custody_state", String.class),
                r.get("holder_party_id", UUID.class),
                r.get("holder_name", String.class));
    }

    public Mono<LabelledAsset> asset(Actor actor, UUID id) {
        var spec = db.sql(SELECT + " WHERE a.id = :id" + Scope.asset(actor)).bind("id", id);
        spec = Scope.bind(spec, actor);
        return spec.map(LabelService::read)
                .one()
                .switchIfEmpty(Mono.error(Problems.notFound("Asset " + id)));
    }

    /** Assets by tag, within the caller's scope. */
    public reactor.core.publisher.Flux<LabelledAsset> byTags(Actor actor, List<String> tags) {
        var spec =
                db.sql(SELECT + " WHERE a.tag = ANY(:tags)" + Scope.asset(actor))
                        .bind("tags", tags.toArray(String[]::new));
        spec = Scope.bind(spec, actor);
        return spec.map(LabelService::read).all();
    }

    public Mono<LabelPayloadCodec> codec() {
        return keys.ring().map(ring -> new LabelPayloadCodec(ring, baseUrl));
    }

    private Mono<LabelContent> content(LabelledAsset a) {
        return codec().map(
                        c ->
                                new LabelContent(
                                        c.labelPayload(a.tag()),
                                        a.tag(),
                                        a.title(),
                                        a.contractNumber(),
                                        a.agencyName()));
    }

    public Mono<byte[]> png(Actor actor, UUID id, Layout layout, Double dpi, Integer widthPx) {
        return asset(actor, id)
                .flatMap(this::content)
                .publishOn(Schedulers.boundedElastic())
                .map(
                        c ->
                                widthPx != null
                                        ? png.pngOfWidth(c, layout.size, widthPx)
                                        : png.png(c, layout.size, dpi == null ? 300 : dpi));
    }

    public Mono<String> svg(Actor actor, UUID id, Layout layout) {
        return asset(actor, id).flatMap(this::content).map(c -> svg.svg(c, layout.size));
    }

    public Mono<byte[]> pdf(Actor actor, List<UUID> assetIds, Layout layout) {
        if (assetIds.isEmpty() || assetIds.size() > MAX_LABELS_PER_PDF) {
            return Mono.error(
                    Problems.badRequest(
                            "A label PDF holds between 1 and " + MAX_LABELS_PER_PDF + " labels"));
        }
        var spec =
                db.sql(SELECT + " WHERE a.id = ANY(:ids)" + Scope.asset(actor) + " ORDER BY a.tag")
                        .bind("ids", assetIds.toArray(UUID[]::new));
        spec = Scope.bind(spec, actor);
        return spec.map(LabelService::read)
                .all()
                .collectList()
                .flatMap(
                        found ->
                                found.size() == new java.util.HashSet<>(assetIds).size()
                                        ? Mono.just(found)
                                        : Mono.error(Problems.notFound("Some of the assets")))
                .flatMap(
                        found ->
                                codec().map(
                                                c ->
                                                        found.stream()
                                                                .map(
                                                                        a ->
                                                                                new LabelContent(
                                                                                        c
                                                                                                .labelPayload(
                                                                                                        a
                                                                                                                .tag()),
                                                                                        a.tag(),
                                                                                        a.title(),
                                                                                        a
                                                                                                .contractNumber(),
                                                                                        a
                                                                                                .agencyName()))
                                                                .toList()))
                .publishOn(Schedulers.boundedElastic())
                .map(
                        contents ->
                                layout == Layout.A4_24
                                        ? pdf.sheets(contents, SheetLayout.A4_24_70X37)
                                        : pdf.singles(contents, layout.size));
    }

    public Mono<List<UUID>> assetsOfContract(Actor actor, UUID contractId) {
        var spec =
                db.sql(
                                "SELECT a.id FROM asset a WHERE a.contract_id = :c"
                                        + Scope.asset(actor)
                                        + " ORDER BY a.tag LIMIT "
                                        + (MAX_LABELS_PER_PDF + 1))
                        .bind("c", contractId);
        spec = Scope.bind(spec, actor);
        return spec.map(r -> r.get("id", UUID.class))
                .all()
                .collectList()
                .flatMap(
                        ids ->
                                ids.isEmpty()
                                        ? Mono.error(
                                                Problems.notFound(
                                                        "Assets of contract " + contractId))
                                        : Mono.just(ids));
    }

    /**
     * A payload that is not a real, visible label: the classification (a {@code LABEL_*} code) and
     * a sentence for the person who scanned it.
     */
    public static final class LabelRejected extends jp.azukari.platform.problem.ProblemException {

        private final ScanResultCode classification;

        LabelRejected(ScanResultCode c, String detail) {
            super(
                    c == ScanResultCode.LABEL_UNKNOWN
                            ? jp.azukari.platform.problem.ProblemKind.NOT_FOUND
                            : jp.azukari.platform.problem.ProblemKind.UNPROCESSABLE_CONTENT,
                    c.name().toLowerCase().replace('_', '-'),
                    "Label not accepted: " + c.name(),
                    detail);
            this.classification = c;
            with("code", c.name());
        }

        public ScanResultCode classification() {
            return classification;
        }
    }

    /**
     * Tells a real label from a mistyped, forged or foreign one; another party's asset reads as
     * unknown.
     */
    public Mono<LabelledAsset> resolve(Actor actor, String payload) {
        return codec().flatMap(
                        c -> {
                            LabelVerification v = c.verify(payload == null ? "" : payload);
                            if (v instanceof LabelVerification.Malformed m) {
                                return Mono.error(
                                        new LabelRejected(
                                                ScanResultCode.LABEL_MALFORMED,
                                                "Not an Azukari label: " + m.reason()));
                            }
                            if (v instanceof LabelVerification.Foreign f) {
                                return Mono.error(
                                        new LabelRejected(
                                                ScanResultCode.LABEL_FOREIGN,
                                                "This label was made by another installation, or under a retired key ("
                                                        + f.keyId()
                                                        + ")"));
                            }
                            if (v instanceof LabelVerification.Forged) {
                                return Mono.error(
                                        new LabelRejected(
                                                ScanResultCode.LABEL_FORGED,
                                                "The label's code does not match its tag: altered or forged"));
                            }
                            String tag = ((LabelVerification.Genuine) v).tag();
                            return byTags(actor, List.of(tag))
                                    .next()
                                    .switchIfEmpty(
                                            Mono.error(
                                                    new LabelRejected(
                                                            ScanResultCode.LABEL_UNKNOWN,
                                                            "No asset you may see carries this label")));
                        });
    }
}
