package jp.azukari.scan.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.core.label.CounterInput;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * What the station's forms carry: the scanned text, and the labels collected so far when starting a
 * transfer.
 */
final class ScanForms {

    private ScanForms() {}

    /**
     * The text as the scan path reads it (core's {@link CounterInput}: full-width, dash
     * look-alikes, case, CR/LF, the URL form); {@link jp.azukari.scan.ScanService} reads it so
     * again, as for the API.
     */
    static String payload(String asEntered) {
        return CounterInput.canonicalPayload(asEntered);
    }

    /** Labels collected for a new transfer, carried by the form as {@code assetId:tag:title}. */
    static List<ScanLine> collected(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<ScanLine> lines = new ArrayList<>();
        for (String v : values) {
            String[] p = v.split(":", 3);
            UUID id = Console.uuid(p[0]);
            if (id != null && p.length == 3) {
                lines.add(
                        new ScanLine(UUID.randomUUID(), true, "FOUND", id, p[1], p[2], null, null));
            }
        }
        return lines;
    }

    /** The collected labels with the ones just found added, each asset once. */
    static List<ScanLine> withFound(List<ScanLine> collected, List<ScanLine> scanned) {
        Map<UUID, ScanLine> byAsset = new LinkedHashMap<>();
        collected.forEach(l -> byAsset.put(l.assetId(), l));
        scanned.stream()
                .filter(l -> "FOUND".equals(l.result()))
                .forEach(l -> byAsset.putIfAbsent(l.assetId(), l));
        return List.copyOf(byAsset.values());
    }

    static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
