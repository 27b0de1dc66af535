package jp.azukari.scanner.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StdinLinesTests {

    @Test
    void eachNonBlankLineIsOneReadingWithoutItsLineEnd() {
        List<InputEvent> events =
                read("AZ1:K7Q2:A-1:MFRGGZDFMZTW\r\n\n  \nAZ1:K7Q2:A-2:MFRGGZDFMZTW");

        assertThat(events).extracting(InputEvent::source).containsExactly("stdin:1", "stdin:4");
        assertThat(events)
                .flatExtracting(e -> ((InputEvent.Read) e).texts())
                .containsExactly("AZ1:K7Q2:A-1:MFRGGZDFMZTW", "AZ1:K7Q2:A-2:MFRGGZDFMZTW");
    }

    @Test
    void aTenThousandCharacterLineIsRefusedAndTheNextLineIsStillRead() {
        List<InputEvent> events = read("X".repeat(10_000) + "\nAZ1:K7Q2:A-2:MFRGGZDFMZTW\n");

        assertThat(events).hasSize(2);
        assertThat(events.get(0))
                .isInstanceOfSatisfying(
                        InputEvent.Failed.class,
                        failed -> {
                            assertThat(failed.problem())
                                    .isEqualTo(InputEvent.Problem.LINE_TOO_LONG);
                            assertThat(failed.detail()).isEqualTo("10000");
                            assertThat(failed.source()).isEqualTo("stdin:1");
                        });
        assertThat(events.get(1))
                .isInstanceOfSatisfying(
                        InputEvent.Read.class,
                        read ->
                                assertThat(read.texts())
                                        .containsExactly("AZ1:K7Q2:A-2:MFRGGZDFMZTW"));
    }

    @Test
    void aLineOfExactlyTheLimitIsAccepted() {
        assertThat(read("Y".repeat(StdinLines.DEFAULT_MAX_LENGTH)))
                .singleElement()
                .isInstanceOf(InputEvent.Read.class);
    }

    private static List<InputEvent> read(String text) {
        List<InputEvent> events = new ArrayList<>();
        new StdinLines(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        Clock.systemUTC(),
                        StdinLines.DEFAULT_MAX_LENGTH)
                .run(events::add);
        return events;
    }
}
