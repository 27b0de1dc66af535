package jp.azukari.scanner.label;

import static org.assertj.core.api.Assertions.assertThat;

import jp.azukari.core.label.ParsedPayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadingTests {

    @Test
    void aCanonicalPayloadIsOurLabelWithItsParts() {
        Reading reading = Reading.of("AZ1:K7Q2:A-2026-000123:MFRGGZDFMZTW");

        assertThat(reading)
                .isInstanceOfSatisfying(
                        Reading.AzukariLabel.class,
                        label -> {
                            assertThat(label.label())
                                    .isEqualTo(
                                            new ParsedPayload.WellFormed(
                                                    "K7Q2", "A-2026-000123", "MFRGGZDFMZTW"));
                            assertThat(label.canonical())
                                    .isEqualTo("AZ1:K7Q2:A-2026-000123:MFRGGZDFMZTW");
                        });
    }

    @Test
    void theUrlFormYieldsTheCanonicalPayloadAfterL() {
        Reading reading =
                Reading.of("HTTPS://AZUKARI.EXAMPLE.JP/L/AZ1:K7Q2:A-2026-000123:MFRGGZDFMZTW");

        assertThat(reading)
                .isInstanceOfSatisfying(
                        Reading.AzukariLabel.class,
                        label ->
                                assertThat(label.canonical())
                                        .isEqualTo("AZ1:K7Q2:A-2026-000123:MFRGGZDFMZTW"));
    }

    @Test
    void aTagThatItselfContainsSlashLSlashIsNotCutInTwo() {
        Reading reading =
                Reading.of("HTTPS://AZUKARI.EXAMPLE.JP/BASE/L/AZ1:K7Q2:BOX/L/7:MFRGGZDFMZTW");

        assertThat(reading)
                .isInstanceOfSatisfying(
                        Reading.AzukariLabel.class,
                        label -> assertThat(label.label().tag()).isEqualTo("BOX/L/7"));
    }

    @Test
    void theUrlFormIsReadFromTheFirstMarkEvenWhenTheTagEndsLikeOne() {
        Reading reading = Reading.of("HTTPS://AZUKARI.EXAMPLE.JP/L/AZ1:K7Q2:X/L/AZ1:MFRGGZDFMZTW");

        assertThat(reading)
                .isInstanceOfSatisfying(
                        Reading.AzukariLabel.class,
                        label -> assertThat(label.label().tag()).isEqualTo("X/L/AZ1"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "HTTPS://H/L/AZ1:BAD/L/AZ1:K7Q2:A-1:MFRGGZDFMZTW",
                "FTP://H/L/AZ1:K7Q2:A-1:MFRGGZDFMZTW",
                "/L/AZ1:K7Q2:A-1:MFRGGZDFMZTW"
            })
    void aUrlFormWhoseFirstMarkIsNotFollowedByAPayloadIsNotALabel(String text) {
        assertThat(Reading.of(text)).isInstanceOf(Reading.NotOurs.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AZ1:K7Q2:A-2026-000123",
                "AZ1:K7Q2:A-2026-000123:MFRGGZDFMZT",
                "AZ1:K7Q2:A_2026-000123:MFRGGZDFMZTW",
                "AZ1:K7Q1:A-2026-000123:MFRGGZDFMZTW",
                "AZ1:K7Q2:A-2026-000123:MFRGGZDFMZT1",
                "https://azukari.example.jp/x/AZ1:K7Q2:A-1:MFRGGZDFMZTW",
                " AZ1:K7Q2:A 2026-000123:MFRGGZDFMZTW",
                "az1:k7q2:a-2026-000123"
            })
    void aDamagedOrMistypedPayloadIsNotOursButRecognisedAsAnAttempt(String text) {
        assertThat(Reading.of(text))
                .isInstanceOfSatisfying(
                        Reading.NotOurs.class,
                        notOurs ->
                                assertThat(notOurs.why()).isEqualTo(Reading.Why.MALFORMED_LABEL));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://en.wikipedia.org/wiki/Main_Page",
                "4901234567894",
                "MEBKM:URL:http\\://example.com;;",
                ""
            })
    void anyOtherCodeIsAForeignCode(String text) {
        assertThat(Reading.of(text))
                .isInstanceOfSatisfying(
                        Reading.NotOurs.class,
                        notOurs -> assertThat(notOurs.why()).isEqualTo(Reading.Why.FOREIGN_CODE));
    }

    @Test
    void aTagLongerThanFortyCharactersIsNotALabel() {
        String tag = "A" + "0".repeat(40);

        assertThat(Reading.of("AZ1:K7Q2:" + tag + ":MFRGGZDFMZTW"))
                .isInstanceOf(Reading.NotOurs.class);
        assertThat(Reading.of("AZ1:K7Q2:" + tag.substring(1) + ":MFRGGZDFMZTW"))
                .isInstanceOf(Reading.AzukariLabel.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "az1:k7q2:a-2026-000123:mfrggzdfmztw\r\n",
                "ＡＺ１：Ｋ７Ｑ２：Ａー２０２６ー０００１２３：ＭＦＲＧＧＺＤＦＭＺＴＷ",
                "https://azukari.example.jp/l/az1:k7q2:a−2026−000123:mfrggzdfmztw",
                " AZ1:K7Q2:A‐2026‐000123:MFRGGZDFMZTW\n"
            })
    void aLabelAsAWedgeAnImeOrAPhoneWroteItIsOurLabelInItsCanonicalForm(String text) {
        assertThat(Reading.of(text))
                .isInstanceOfSatisfying(
                        Reading.AzukariLabel.class,
                        label -> {
                            assertThat(label.canonical())
                                    .isEqualTo("AZ1:K7Q2:A-2026-000123:MFRGGZDFMZTW");
                            assertThat(label.text()).isEqualTo(text);
                        });
    }
}
