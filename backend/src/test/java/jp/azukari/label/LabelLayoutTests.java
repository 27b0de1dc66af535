package jp.azukari.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelLayoutTests {

    private final LabelFont font = LabelFont.shared();
    private final LabelLayout layout = new LabelLayout(font);

    @Test
    void everyLineOfEveryLabelStaysInsideTheLabelRightOfTheQrCodeWithoutOverlapping() {
        for (LabelSize size :
                List.of(LabelSize.TAPE_62X29, LabelSize.SHEET_70X37, new LabelSize(50, 25, 1))) {
            for (LabelContent content : LabelFixtures.labels(100)) {
                LabelDrawing drawing = layout.layout(content, size);
                double qrRight = drawing.qr().x() + drawing.qr().side();
                List<LabelDrawing.TextLine> lines =
                        drawing.lines().stream()
                                .sorted(Comparator.comparingDouble(LabelDrawing.TextLine::baseline))
                                .toList();
                double previousBottom = 0;
                for (LabelDrawing.TextLine line : lines) {
                    String where = content.tag() + " on " + size + ": " + line;
                    assertThat(line.x()).as(where).isGreaterThanOrEqualTo(qrRight);
                    assertThat(line.x() + font.width(line.text(), line.size()))
                            .as(where)
                            .isLessThanOrEqualTo(size.widthMm() - size.paddingMm());
                    double top = line.baseline() - font.ascent() * line.size();
                    assertThat(top).as(where).isGreaterThanOrEqualTo(previousBottom);
                    previousBottom = line.baseline() + font.descent() * line.size();
                }
                assertThat(previousBottom).isLessThanOrEqualTo(size.heightMm() - size.paddingMm());
            }
        }
    }

    @Test
    void theTagIsPrintedWholeEvenAt40CharactersOnTwoLinesIfNeeded() {
        for (LabelSize size : List.of(LabelSize.TAPE_62X29, LabelSize.SHEET_70X37)) {
            for (LabelContent content : LabelFixtures.labels(100)) {
                List<String> tag = lines(layout.layout(content, size), LabelDrawing.Role.TAG);

                assertThat(String.join("", tag)).isEqualTo(content.tag());
                assertThat(tag).hasSize(content.tag().length() > 30 ? 2 : 1);
            }
        }
    }

    @Test
    void theJapaneseTitleIsPrintedWholeOnTwoLines() {
        LabelDrawing drawing = layout.layout(LabelFixtures.label(0), LabelSize.SHEET_70X37);

        assertThat(titleLines(drawing)).hasSize(2);
        assertThat(String.join("", titleLines(drawing))).isEqualTo(LabelFixtures.JAPANESE_TITLE);
    }

    @Test
    void aVeryLongTitleTakesThreeLinesAndEndsInAnEllipsis() {
        LabelContent content = LabelFixtures.label(6);
        assertThat(content.title()).isEqualTo(LabelFixtures.LONG_TITLE);

        List<String> title = titleLines(layout.layout(content, LabelSize.SHEET_70X37));

        assertThat(title).hasSize(3);
        assertThat(title.get(2)).endsWith(TextFitting.ELLIPSIS);
        assertThat(LabelFixtures.LONG_TITLE)
                .startsWith(String.join("", title).replace(TextFitting.ELLIPSIS, ""));
    }

    @Test
    void theContractNumberAndAgencyAreTheLastTwoLines() {
        LabelDrawing drawing = layout.layout(LabelFixtures.label(1), LabelSize.TAPE_62X29);
        List<LabelDrawing.TextLine> lines =
                drawing.lines().stream()
                        .sorted(Comparator.comparingDouble(LabelDrawing.TextLine::baseline))
                        .toList();

        assertThat(lines.get(lines.size() - 2).text())
                .isEqualTo(LabelFixtures.label(1).contractNumber());
        assertThat(lines.get(lines.size() - 1).text()).isEqualTo("総務省 統計局");
    }

    @Test
    void blankTextLeavesItsLineOut() {
        String payload = LabelFixtures.CODEC.encode("A-1");
        LabelDrawing drawing =
                layout.layout(
                        new LabelContent(payload, "A-1", " ", null, "\n"), LabelSize.TAPE_62X29);

        assertThat(drawing.lines())
                .extracting(LabelDrawing.TextLine::role)
                .containsExactly(LabelDrawing.Role.TAG);
    }

    @Test
    void theQrCodeOfAnOrdinaryLabelHasModulesOfAtLeastHalfAMillimetre() {
        for (LabelSize size : List.of(LabelSize.TAPE_62X29, LabelSize.SHEET_70X37)) {
            LabelDrawing drawing = layout.layout(LabelFixtures.label(0), size);

            assertThat(drawing.qr().moduleSize()).as(size.toString()).isGreaterThanOrEqualTo(0.5);
        }
    }

    @Test
    void textTheFontCannotShowBecomesAQuestionMarkAndWhitespaceBecomesSingleSpaces() {
        assertThat(font.printable("  調査票\n\t2025 ")).isEqualTo("調査票 2025");
        assertThat(font.printable("か\u3099")).as("composed to NFC").isEqualTo("が");
        String printable = font.printable("資料 😀 \u0001 end");
        assertThat(printable.codePoints())
                .allMatch(cp -> cp == '?' || cp == ' ' || font.awt(10).canDisplay(cp));
        assertThat(printable).startsWith("資料 ").endsWith(" end");
    }

    private static List<String> lines(LabelDrawing drawing, LabelDrawing.Role role) {
        return drawing.lines().stream()
                .filter(l -> l.role() == role)
                .map(LabelDrawing.TextLine::text)
                .toList();
    }

    private static List<String> titleLines(LabelDrawing drawing) {
        return lines(drawing, LabelDrawing.Role.TITLE);
    }
}
