package jp.azukari.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import reactor.core.publisher.Flux;

/**
 * CSV as Excel in Japan opens it: UTF-8 with a byte order mark, RFC 4180 quoting, CRLF line ends.
 * Rows are encoded as they arrive, a few hundred per buffer, so a report of any length streams in
 * constant memory.
 *
 * <p>A text cell that starts with {@code = + - @} (or a tab or carriage return) gets a leading
 * apostrophe, so a title typed by a user can never run as a spreadsheet formula.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int ROWS_PER_BUFFER = 256;

    private Csv() {}

    /** A number, date or id: written as it is. */
    public record Plain(Object value) {}

    public static Plain plain(Object value) {
        return new Plain(value);
    }

    public static <T> Flux<DataBuffer> stream(
            DataBufferFactory buffers,
            List<String> header,
            Flux<T> rows,
            Function<T, List<?>> cells) {
        Flux<DataBuffer> head =
                Flux.defer(
                        () -> {
                            StringBuilder line = new StringBuilder();
                            line(line, header);
                            byte[] text = line.toString().getBytes(StandardCharsets.UTF_8);
                            DataBuffer b = buffers.allocateBuffer(BOM.length + text.length);
                            b.write(BOM);
                            b.write(text);
                            return Flux.just(b);
                        });
        Flux<DataBuffer> body =
                rows.buffer(ROWS_PER_BUFFER)
                        .map(
                                batch -> {
                                    StringBuilder text = new StringBuilder(batch.size() * 160);
                                    for (T row : batch) {
                                        line(text, cells.apply(row));
                                    }
                                    return buffers.wrap(
                                            text.toString().getBytes(StandardCharsets.UTF_8));
                                });
        return head.concatWith(body);
    }

    public static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            cell(out, cells.get(i));
        }
        out.append("\r\n");
    }

    static void cell(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Plain p) {
            cell(out, p.value() == null ? null : p.value().toString(), false);
            return;
        }
        cell(out, value.toString(), true);
    }

    private static void cell(StringBuilder out, String text, boolean guardFormula) {
        if (text == null) {
            return;
        }
        if (guardFormula && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote =
                text.indexOf(',') >= 0
                        || text.indexOf('"') >= 0
                        || text.indexOf('\n') >= 0
                        || text.indexOf('\r') >= 0;
        if (!quote) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }
}
