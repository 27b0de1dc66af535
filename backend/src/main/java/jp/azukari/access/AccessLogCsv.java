package jp.azukari.access;

import java.util.Arrays;
import java.util.List;
import jp.azukari.report.Csv;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import reactor.core.publisher.Flux;

/** The access log as CSV, the same for the API and the console: one line per entry, streamed. */
public final class AccessLogCsv {

    public static final String FILENAME = "access-log.csv";

    static final List<String> HEADER =
            List.of(
                    "occurred_at",
                    "username",
                    "user_id",
                    "party",
                    "tag",
                    "asset_id",
                    "contract_id",
                    "action",
                    "outcome",
                    "refusal_code",
                    "device_id",
                    "address");

    private AccessLogCsv() {}

    public static Flux<DataBuffer> of(DataBufferFactory buffers, Flux<AccessLogSearch.Entry> rows) {
        return Csv.stream(buffers, HEADER, rows, AccessLogCsv::cells);
    }

    private static List<?> cells(AccessLogSearch.Entry e) {
        return Arrays.asList(
                Csv.plain(e.occurredAt()),
                e.username(),
                Csv.plain(e.userId()),
                e.partyName(),
                e.tag(),
                Csv.plain(e.assetId()),
                Csv.plain(e.contractId()),
                e.action(),
                e.outcome(),
                e.refusalCode(),
                e.deviceId(),
                e.address());
    }
}
