package jp.azukari.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.azukari.common.Actor;
import jp.azukari.core.scan.ScanResultCode;
import jp.azukari.label.LabelPayloadCodec;
import jp.azukari.label.LabelService;
import jp.azukari.label.LabelService.LabelledAsset;
import jp.azukari.label.LabelVerification;
import jp.azukari.scan.ScanService.Purpose;
import reactor.core.publisher.Mono;

/**
 * What each scan of a batch is: a malformed, foreign or forged label is answered at once; a genuine
 * one is looked up among the assets the caller may see (one query for the batch), and a LOOKUP is
 * answered with what was found.
 */
final class ScanClassifier {

    private final LabelService labels;

    ScanClassifier(LabelService labels) {
        this.labels = labels;
    }

    Mono<Void> classify(Actor actor, LabelPayloadCodec codec, List<ScanWork> work) {
        Map<String, List<ScanWork>> byTag = new LinkedHashMap<>();
        for (ScanWork w : work) {
            if (w.result != null || w.duplicate) {
                continue;
            }
            LabelVerification v = codec.verify(w.scan.payload() == null ? "" : w.scan.payload());
            if (v instanceof LabelVerification.Malformed m) {
                w.result =
                        ScanResult.of(
                                w.scan.scanId(),
                                ScanResultCode.LABEL_MALFORMED,
                                "Not an Azukari label: " + m.reason());
            } else if (v instanceof LabelVerification.Foreign) {
                w.result =
                        ScanResult.of(
                                w.scan.scanId(),
                                ScanResultCode.LABEL_FOREIGN,
                                "A label of another installation, or under a retired key");
            } else if (v instanceof LabelVerification.Forged) {
                w.result =
                        ScanResult.of(
                                w.scan.scanId(),
                                ScanResultCode.LABEL_FORGED,
                                "The label's code does not match its tag");
            } else {
                byTag.computeIfAbsent(((LabelVerification.Genuine) v).tag(), t -> new ArrayList<>())
                        .add(w);
            }
        }
        if (byTag.isEmpty()) {
            return Mono.empty();
        }
        return labels.byTags(actor, new ArrayList<>(byTag.keySet()))
                .collectMap(LabelledAsset::tag)
                .doOnNext(
                        found ->
                                byTag.forEach(
                                        (tag, ws) -> ws.forEach(w -> found(w, found.get(tag)))))
                .then();
    }

    private static void found(ScanWork w, LabelledAsset a) {
        if (a == null) {
            w.result =
                    ScanResult.of(
                            w.scan.scanId(),
                            ScanResultCode.LABEL_UNKNOWN,
                            "No asset you may see carries this label");
        } else if (w.scan.purpose() == Purpose.LOOKUP) {
            w.asset = a;
            w.store = true;
            w.result =
                    w.answer(
                            ScanResultCode.FOUND,
                            null,
                            null,
                            a.title() + " — " + a.custodyState() + ", " + a.holderPartyName());
        } else if (w.scan.purpose() == Purpose.AUDIT) {
            w.asset = a;
        } else if (w.scan.transferId() == null) {
            w.result =
                    ScanResult.of(
                            w.scan.scanId(),
                            ScanResultCode.INVALID,
                            "A CONFIRM scan names its transferId");
        } else {
            w.asset = a;
        }
    }
}
