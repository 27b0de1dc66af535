package jp.azukari.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;

class CsvTests {

    private static String cells(Object... values) {
        StringBuilder b = new StringBuilder();
        Csv.line(b, Arrays.asList(values));
        return b.toString();
    }

    @Test
    void fields_with_commas_quotes_or_line_breaks_are_quoted_and_quotes_doubled() {
        assertThat(cells("調査票, 第1巻", "録音 \"原本\"", "two\nlines", "plain"))
                .isEqualTo("\"調査票, 第1巻\",\"録音 \"\"原本\"\"\",\"two\nlines\",plain\r\n");
    }

    @Test
    void text_that_would_run_as_a_spreadsheet_formula_is_defused_but_numbers_and_dates_are_not() {
        assertThat(
                        cells(
                                "=HYPERLINK(\"x\")",
                                "+1",
                                "-2",
                                "@SUM",
                                Csv.plain(-3),
                                Csv.plain(LocalDate.of(2030, 1, 2)),
                                null))
                .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM,-3,2030-01-02,\r\n");
    }

    @Test
    void a_stream_starts_with_the_byte_order_mark_and_header_and_carries_every_row() {
        var rows = Flux.range(1, 1000);
        byte[] all =
                DataBufferUtils.join(
                                Csv.stream(
                                        DefaultDataBufferFactory.sharedInstance,
                                        List.of("n", "名前"),
                                        rows,
                                        n -> List.of(Csv.plain(n), "行" + n)))
                        .map(
                                b -> {
                                    byte[] bytes = new byte[b.readableByteCount()];
                                    b.read(bytes);
                                    return bytes;
                                })
                        .block();
        assertThat(all).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(all, 3, all.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(1001);
        assertThat(lines[0]).isEqualTo("n,名前");
        assertThat(lines[1000]).isEqualTo("1000,行1000");
    }
}
