package jp.azukari.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class TextFittingTests {

    /** Every code point one unit wide: the arithmetic of the tests stays visible. */
    private static final ToDoubleFunction<String> ONE_PER_CHARACTER =
            text -> text.codePointCount(0, text.length());

    @Test
    void textThatFitsIsLeftAlone() {
        assertThat(TextFitting.ellipsize("設計図書", 4, ONE_PER_CHARACTER)).isEqualTo("設計図書");
    }

    @Test
    void textThatDoesNotFitEndsInAnEllipsisWithinTheWidth() {
        assertThat(TextFitting.ellipsize("個人情報を含む調査票", 6, ONE_PER_CHARACTER)).isEqualTo("個人情報を…");
        assertThat(TextFitting.ellipsize("Encrypted backup tape", 10, ONE_PER_CHARACTER))
                .isEqualTo("Encrypted…");
    }

    @Test
    void anEllipsisNeverSplitsACharacterOutsideTheBasicPlane() {
        assertThat(TextFitting.ellipsize("𠮷𠮷𠮷𠮷", 3, ONE_PER_CHARACTER)).isEqualTo("𠮷𠮷…");
    }

    @Test
    void whenNotEvenTheEllipsisFitsNothingIsPrinted() {
        assertThat(TextFitting.ellipsize("長い", 0.5, ONE_PER_CHARACTER)).isEmpty();
    }

    @Test
    void japaneseWrapsBetweenAnyTwoCharactersButNeverBeforeClosingPunctuation() {
        List<String> lines = TextFitting.wrap("個人情報を含む調査票（2025年度）", 10, 3, ONE_PER_CHARACTER);
        assertThat(lines).containsExactly("個人情報を含む調査票", "（2025年度）");

        List<String> kinsoku = TextFitting.wrap("資料を返却する。次に", 7, 2, ONE_PER_CHARACTER);
        assertThat(kinsoku.get(1)).doesNotStartWith("。");
        assertThat(String.join("", kinsoku)).isEqualTo("資料を返却する。次に");
    }

    @Test
    void anOpeningBracketNeverEndsALine() {
        assertThat(TextFitting.wrap("個人情報を含む調査票（2025年度）", 11, 2, ONE_PER_CHARACTER))
                .containsExactly("個人情報を含む調査票", "（2025年度）");
    }

    @Test
    void aLatinCodeInsideJapaneseMovesWholeToTheNextLine() {
        assertThat(TextFitting.wrap("統計調査 個票データ（DVD-R 2枚）", 13, 2, ONE_PER_CHARACTER))
                .containsExactly("統計調査 個票データ", "（DVD-R 2枚）");
        assertThat(TextFitting.wrap("地籍調査 成果品（CD-R）", 13, 2, ONE_PER_CHARACTER))
                .as("the closing bracket may not start a line, nor may CD-R be split to avoid it")
                .containsExactly("地籍調査 成果品", "（CD-R）");
    }

    @Test
    void englishWrapsAtSpaces() {
        assertThat(TextFitting.wrap("Encrypted backup tape set", 16, 2, ONE_PER_CHARACTER))
                .containsExactly("Encrypted backup", "tape set");
    }

    @Test
    void whatDoesNotFitInTheLastLineIsEllipsised() {
        List<String> lines = TextFitting.wrap("あいうえおかきくけこさしすせそたちつてと", 5, 3, ONE_PER_CHARACTER);

        assertThat(lines).containsExactly("あいうえお", "かきくけこ", "さしすせ…");
    }

    @Test
    void aWordLongerThanTheLineIsBrokenInsideIt() {
        assertThat(TextFitting.wrap("Supercalifragilistic", 8, 2, ONE_PER_CHARACTER))
                .containsExactly("Supercal", "ifragil…");
    }
}
