package jp.azukari.scanner.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.azukari.scanner.input.InputEvent;
import jp.azukari.scanner.label.Reading;
import jp.azukari.scanner.testing.LabelPictures;
import org.junit.jupiter.api.Test;

class CounterTests {

    private static final Instant NOW = Instant.parse("2026-11-25T09:30:00Z");
    private static final String LABEL = LabelPictures.payload("A-2026-000123");

    private final List<String> handed = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final Counter counter =
            new Counter(
                    new Action() {
                        @Override
                        public void read(
                                String source, Instant readAt, List<Reading.AzukariLabel> labels) {
                            labels.forEach(label -> handed.add(source + " " + label.canonical()));
                        }

                        @Override
                        public void finish() {}
                    },
                    outcomes::add);

    @Test
    void aLabelReadAgainInThisRunIsHandedOnOnlyOnceEvenInItsUrlForm() {
        counter.accept(new InputEvent.Read("a.png", NOW, List.of(LABEL)));
        counter.accept(
                new InputEvent.Read(
                        "b.png", NOW, List.of("HTTPS://AZUKARI.EXAMPLE.JP/L/" + LABEL, LABEL)));

        assertThat(handed).containsExactly("a.png " + LABEL);
        assertThat(counter.labels()).isEqualTo(1);
        assertThat(outcomes).isEmpty();
    }

    @Test
    void aCodeThatIsNotOursIsReportedNotSkipped() {
        counter.accept(
                new InputEvent.Read("shelf.jpg", NOW, List.of("http://example.com/menu", LABEL)));

        assertThat(handed).containsExactly("shelf.jpg " + LABEL);
        assertThat(outcomes)
                .singleElement()
                .isInstanceOfSatisfying(
                        Outcome.NotOurs.class,
                        notOurs -> {
                            assertThat(notOurs.source()).isEqualTo("shelf.jpg");
                            assertThat(notOurs.reading().why()).isEqualTo(Reading.Why.FOREIGN_CODE);
                        });
    }

    @Test
    void aPictureWithoutCodesAndAnUnreadablePictureAreBothFailures() {
        counter.accept(new InputEvent.Read("blank.png", NOW, List.of()));
        counter.accept(
                new InputEvent.Failed("broken.png", NOW, InputEvent.Problem.IMAGE_CORRUPT, "bad"));

        assertThat(outcomes)
                .extracting(Outcome::mark)
                .containsExactly(Outcome.Mark.FAILED, Outcome.Mark.FAILED);
        assertThat(handed).isEmpty();
    }
}
