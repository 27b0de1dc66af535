package jp.azukari.core.label;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CounterInputTests {

    private static final String PAYLOAD = "AZ1:K7Q2:A-2026-000123:MFRGGZDFMZTW";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AZ1:K7Q2:A-2026-000123:MFRGGZDFMZTW",
                "ＡＺ１：Ｋ７Ｑ２：Ａ－２０２６－０００１２３：ＭＦＲＧＧＺＤＦＭＺＴＷ",
                "AZ1:K7Q2:Aー2026ー000123:MFRGGZDFMZTW",
                "AZ1:K7Q2:A−2026−000123:MFRGGZDFMZTW",
                "AZ1:K7Q2:A‐2026‑000123:MFRGGZDFMZTW",
                "AZ1:K7Q2:A–2026—000123:MFRGGZDFMZTW",
                "AZ1:K7Q2:Aｰ2026―000123:MFRGGZDFMZTW",
                "az1:k7q2:a-2026-000123:mfrggzdfmztw",
                "AZ1:K7Q2:A-2026-000123:MFRGGZDFMZTW\r\n",
                "  AZ1:K7Q2:A-2026-000123:MFRGGZDFMZTW\t",
                "\u3000AZ1:K7Q2:A-2026-000123:MFRGGZDFMZTW\u3000",
                "\uFEFFAZ1:K7Q2:A-2026-000123:MFRGGZDFMZTW\u200B",
                "ａｚ１：ｋ７ｑ２：ａー２０２６ー０００１２３：ｍｆｒｇｇｚｄｆｍｚｔｗ\n"
            })
    void everyWayALabelIsTypedOrScannedReadsAsTheLabel(String asEntered) {
        assertThat(CounterInput.normalise(asEntered)).isEqualTo(PAYLOAD);
        assertThat(CounterInput.payload(asEntered))
                .isEqualTo(new ParsedPayload.WellFormed("K7Q2", "A-2026-000123", "MFRGGZDFMZTW"));
        assertThat(CounterInput.canonicalPayload(asEntered)).isEqualTo(PAYLOAD);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://azukari.example.jp/L/AZ1:K7Q2:A-2026-000123:MFRGGZDFMZTW",
                "https://azukari.example.jp/l/az1:k7q2:a-2026-000123:mfrggzdfmztw",
                "HTTPS://AZUKARI.EXAMPLE.JP/L/AZ1:K7Q2:A-2026-000123:MFRGGZDFMZTW\r\n",
                "ｈｔｔｐｓ：／／ａｚｕｋａｒｉ．ｅｘａｍｐｌｅ．ｊｐ／Ｌ／ＡＺ１：Ｋ７Ｑ２：Ａー２０２６ー０００１２３：ＭＦＲＧＧＺＤＦＭＺＴＷ"
            })
    void theUrlFormWithALowerCaseBaseUrlGivesTheCanonicalPayload(String asEntered) {
        assertThat(CounterInput.canonicalPayload(asEntered)).isEqualTo(PAYLOAD);
        assertThat(CounterInput.normalise(asEntered))
                .isEqualTo("HTTPS://AZUKARI.EXAMPLE.JP/L/" + PAYLOAD);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a-2026-000123",
                "Ａ－２０２６－０００１２３",
                "Aー2026ー000123",
                " A-2026-000123\r\n",
                "A−2026−000123"
            })
    void tagsAsTypedAtTheCounterAreTheTag(String asEntered) {
        assertThat(CounterInput.tag(asEntered)).isEqualTo("A-2026-000123");
        assertThat(Tags.isTag(CounterInput.tag(asEntered))).isTrue();
    }

    @Test
    void whatIsNotALabelStaysNotALabel() {
        assertThat(CounterInput.payload("https://example.com/product/12345"))
                .isInstanceOf(ParsedPayload.Rejected.class);
        assertThat(CounterInput.payload("AZ1:K7Q2:A 1:MFRGGZDFMZTW"))
                .isInstanceOf(ParsedPayload.Rejected.class);
        assertThat(CounterInput.payload("AZ1:K7Q2:A-1:MFRGGZDFMZT"))
                .isInstanceOf(ParsedPayload.Rejected.class);
        assertThat(CounterInput.payload(null)).isEqualTo(new ParsedPayload.Rejected("empty"));
        assertThat(CounterInput.payload(" \r\n")).isEqualTo(new ParsedPayload.Rejected("empty"));
        assertThat(CounterInput.canonicalPayload("not ours\n")).isEqualTo("NOT OURS");
        assertThat(CounterInput.payload("AZ1:K7Q2:A-2026-000123:MFRGGZDFMZTW\u0000"))
                .isInstanceOf(ParsedPayload.Rejected.class);
    }

    @Test
    void onlyTheSurroundingWhitespaceGoes() {
        assertThat(CounterInput.payload("AZ1:K7Q2:A-2026-\n000123:MFRGGZDFMZTW"))
                .isInstanceOf(ParsedPayload.Rejected.class);
    }
}
