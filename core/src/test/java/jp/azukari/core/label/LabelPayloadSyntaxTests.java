package jp.azukari.core.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelPayloadSyntaxTests {

    @Test
    void theKeyIdRegexAgreesWithTheKeyIdRule() {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789az:-";
        java.util.Random random = new java.util.Random(15);
        for (int i = 0; i < 20_000; i++) {
            int length = 3 + random.nextInt(3);
            StringBuilder id = new StringBuilder();
            for (int j = 0; j < length; j++) {
                id.append(chars.charAt(random.nextInt(chars.length())));
            }
            String candidate = id.toString();
            assertThat(candidate.matches(LabelPayloadSyntax.KEY_ID_REGEX))
                    .as(candidate)
                    .isEqualTo(LabelPayloadSyntax.isKeyId(candidate));
        }
        assertThat("K7Q2".matches(LabelPayloadSyntax.KEY_ID_REGEX)).isTrue();
    }

    @Test
    void readsTheCanonicalForm() {
        assertThat(LabelPayloadSyntax.parse("AZ1:K7Q2:A-2026-000123:MFRGGZDFMZTW"))
                .isEqualTo(new ParsedPayload.WellFormed("K7Q2", "A-2026-000123", "MFRGGZDFMZTW"));
    }

    @Test
    void readsTheUrlFormFromTheFirstMark() {
        assertThat(
                        LabelPayloadSyntax.parse(
                                "HTTPS://AZUKARI.EXAMPLE.JP/BASE/L/AZ1:K7Q2:BOX/L/7:MFRGGZDFMZTW"))
                .isEqualTo(new ParsedPayload.WellFormed("K7Q2", "BOX/L/7", "MFRGGZDFMZTW"));
        assertThat(
                        LabelPayloadSyntax.parse(
                                "HTTPS://AZUKARI.EXAMPLE.JP/L/AZ1:K7Q2:X/L/AZ1:MFRGGZDFMZTW"))
                .isEqualTo(new ParsedPayload.WellFormed("K7Q2", "X/L/AZ1", "MFRGGZDFMZTW"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "AZ1:K7Q2:A-1",
                "AZ1:K7Q:A-1:MFRGGZDFMZTW",
                "AZ1:K7Q2:A-1:MFRGGZDFMZT1",
                "az1:K7Q2:A-1:MFRGGZDFMZTW",
                "AZ2:K7Q2:A-1:MFRGGZDFMZTW",
                "FTP://X/L/AZ1:K7Q2:A-1:MFRGGZDFMZTW",
                "AZ1:K7Q2:-A:MFRGGZDFMZTW",
                "AZ1:K7Q2:A-1:MFRGGZDFMZTW:X"
            })
    void isStrict(String text) {
        assertThat(LabelPayloadSyntax.parse(text)).isInstanceOf(ParsedPayload.Rejected.class);
    }

    @Test
    void refusesAnythingLongerThanALabelCanBe() {
        String tag = "X".repeat(Tags.MAX_LENGTH);
        assertThat(LabelPayloadSyntax.parse("AZ1:K7Q2:" + tag + ":MFRGGZDFMZTW"))
                .isInstanceOf(ParsedPayload.WellFormed.class);
        assertThat(LabelPayloadSyntax.parse("AZ1:K7Q2:" + tag + "X:MFRGGZDFMZTW"))
                .isInstanceOf(ParsedPayload.Rejected.class);
        assertThat(LabelPayloadSyntax.parse("A".repeat(LabelPayloadSyntax.MAX_LENGTH + 1)))
                .isEqualTo(new ParsedPayload.Rejected("longer than 200 characters"));
    }

    @Test
    void aBaseUrlIsPrintedUpperCaseWithoutItsSlash() {
        assertThat(LabelPayloadSyntax.normaliseBaseUrl(" https://azukari.example.jp/ "))
                .isEqualTo("HTTPS://AZUKARI.EXAMPLE.JP");
        assertThatThrownBy(() -> LabelPayloadSyntax.normaliseBaseUrl("https://例え.jp"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LabelPayloadSyntax.normaliseBaseUrl("https://" + "x".repeat(200)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
