package jp.azukari.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LabelPayloadCodecTests {

    private static final String QR_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final LabelKey key =
            new LabelKey(
                    "K7Q2",
                    HexFormat.of()
                            .parseHex(
                                    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"),
                    false);
    private final LabelPayloadCodec codec = new LabelPayloadCodec(LabelKeyRing.of(key));

    @Test
    @DisplayName(
            "the MAC is the first 60 bits of HMAC-SHA256 over AZ1:<KEY-ID>:<TAG> in RFC 4648 base32")
    void macMatchesAnIndependentlyComputedTestVector() {
        // computed outside Java: base64.b32encode(hmac.new(bytes(range(32)),
        // b"AZ1:K7Q2:A-2026-000123", sha256).digest())[:12]
        assertThat(codec.encode("A-2026-000123")).isEqualTo("AZ1:K7Q2:A-2026-000123:CJYNGHG7DIN5");
    }

    @Test
    void everyEncodedTagVerifiesAsGenuineWithItsTagAndKey() {
        for (String tag :
                List.of("A-2026-000123", "Z", "0", "B.7/12-X", "A".repeat(40), "9/L/AZ1")) {
            String payload = codec.encode(tag);

            assertThat(payload).matches("AZ1:K7Q2:" + Pattern.quote(tag) + ":[A-Z2-7]{12}");
            assertThat(codec.verify(payload)).isEqualTo(new LabelVerification.Genuine("K7Q2", tag));
        }
    }

    @Test
    void theUrlFormUsesTheUpperCasedBaseUrlAndVerifiesLikeTheCanonicalForm() {
        LabelPayloadCodec withUrl =
                new LabelPayloadCodec(
                        LabelKeyRing.of(key), Optional.of("https://azukari.example.jp/"));

        String payload = withUrl.labelPayload("A-2026-000123");

        assertThat(payload)
                .isEqualTo("HTTPS://AZUKARI.EXAMPLE.JP/L/AZ1:K7Q2:A-2026-000123:CJYNGHG7DIN5");
        assertThat(withUrl.verify(payload))
                .isEqualTo(new LabelVerification.Genuine("K7Q2", "A-2026-000123"));
        assertThat(codec.verify(payload))
                .as("the key decides, not the host")
                .isInstanceOf(LabelVerification.Genuine.class);
    }

    @Test
    void aTagThatContainsTheUrlPathStillReadsBackWholeFromTheUrlForm() {
        LabelPayloadCodec withUrl =
                new LabelPayloadCodec(
                        LabelKeyRing.of(key), Optional.of("http://host:8080/azukari"));

        String payload = withUrl.labelPayload("X/L/AZ1");

        assertThat(payload).startsWith("HTTP://HOST:8080/AZUKARI/L/AZ1:K7Q2:X/L/AZ1:");
        assertThat(withUrl.verify(payload))
                .isEqualTo(new LabelVerification.Genuine("K7Q2", "X/L/AZ1"));
    }

    @Test
    void withoutABaseUrlTheLabelCarriesTheCanonicalForm() {
        assertThat(codec.labelPayload("A-1")).isEqualTo(codec.encode("A-1"));
    }

    @Test
    void aBaseUrlThatCannotBeWrittenInQrAlphanumericModeIsRefusedAtConstruction() {
        assertThatThrownBy(
                        () ->
                                new LabelPayloadCodec(
                                        LabelKeyRing.of(key), Optional.of("https://例え.jp")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new LabelPayloadCodec(
                                        LabelKeyRing.of(key), Optional.of("ftp://host")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new LabelPayloadCodec(
                                        LabelKeyRing.of(key), Optional.of("https://host/a?b=c")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new LabelPayloadCodec(
                                        LabelKeyRing.of(key),
                                        Optional.of("https://" + "h".repeat(128))))
                .as("the URL form of a 40-character tag would pass 200 characters")
                .hasMessageContaining("at most 135");
        LabelPayloadCodec longest =
                new LabelPayloadCodec(
                        LabelKeyRing.of(key), Optional.of("https://" + "h".repeat(127)));
        String payload = longest.labelPayload("T".repeat(40));
        assertThat(payload).hasSize(200);
        assertThat(longest.verify(payload)).isInstanceOf(LabelVerification.Genuine.class);
    }

    @Test
    @DisplayName(
            "any one character changed reads as forged, foreign or malformed, never as genuine")
    void everySingleCharacterChangeIsClassifiedByWhereItFalls() {
        String payload = codec.encode("A-2026-000123");
        int keyStart = 4;
        int tagStart = 9;
        int macStart = payload.lastIndexOf(':') + 1;
        int checked = 0;
        for (int i = 0; i < payload.length(); i++) {
            for (char c : QR_ALPHANUMERIC.toCharArray()) {
                if (c == payload.charAt(i)) {
                    continue;
                }
                String changed = payload.substring(0, i) + c + payload.substring(i + 1);
                LabelVerification result = codec.verify(changed);
                Class<?> expected;
                if (i >= macStart) {
                    expected =
                            BASE32.indexOf(c) >= 0
                                    ? LabelVerification.Forged.class
                                    : LabelVerification.Malformed.class;
                } else if (i >= tagStart && i < macStart - 1) {
                    boolean stillATag =
                            i == tagStart
                                    ? Character.isLetterOrDigit(c)
                                    : Character.isLetterOrDigit(c) || ".-/".indexOf(c) >= 0;
                    expected =
                            stillATag
                                    ? LabelVerification.Forged.class
                                    : LabelVerification.Malformed.class;
                } else if (i >= keyStart && i < tagStart - 1) {
                    expected =
                            BASE32.indexOf(c) >= 0
                                    ? LabelVerification.Foreign.class
                                    : LabelVerification.Malformed.class;
                } else {
                    expected = LabelVerification.Malformed.class;
                }
                assertThat(result)
                        .as("%s (position %d changed to '%s')", changed, i, c)
                        .isInstanceOf(expected);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(payload.length() * (QR_ALPHANUMERIC.length() - 1));
    }

    @Test
    void aLabelFromAnotherInstallationIsForeign() {
        LabelKey theirs = new LabelKey("ZZ22", new byte[32], false);
        String theirLabel = new LabelPayloadCodec(LabelKeyRing.of(theirs)).encode("A-2026-000123");

        assertThat(codec.verify(theirLabel)).isEqualTo(new LabelVerification.Foreign("ZZ22"));
    }

    @Test
    void aLabelWhoseMacWasMadeWithAnotherSecretUnderOurKeyIdIsForged() {
        LabelKey impostor = new LabelKey("K7Q2", new byte[32], false);
        String forged = new LabelPayloadCodec(LabelKeyRing.of(impostor)).encode("A-2026-000123");

        assertThat(codec.verify(forged))
                .isEqualTo(new LabelVerification.Forged("K7Q2", "A-2026-000123"));
    }

    @Test
    void everyTruncationIsMalformed() {
        String payload = codec.encode("A-2026-000123");
        for (int length = 0; length < payload.length(); length++) {
            assertThat(codec.verify(payload.substring(0, length)))
                    .as("first %d characters", length)
                    .isInstanceOf(LabelVerification.Malformed.class);
        }
        assertThat(codec.verify(null)).isInstanceOf(LabelVerification.Malformed.class);
    }

    @Test
    void aTenThousandCharacterPayloadIsMalformedForItsLength() {
        String huge = codec.encode("A-1") + "A".repeat(10_000);

        assertThat(codec.verify(huge))
                .isEqualTo(new LabelVerification.Malformed("longer than 200 characters"));
    }

    @Test
    void charactersOutsideTheQrAlphanumericSetAreMalformed() {
        String payload = codec.encode("A-2026-000123");
        for (String wrong :
                List.of(
                        payload + "\u0000",
                        " " + payload + "#",
                        payload + "😀",
                        payload.replace(':', ';'),
                        payload.replace("-", "_"),
                        payload.replace("-", "~"))) {
            assertThat(codec.verify(wrong))
                    .as(wrong)
                    .isInstanceOf(LabelVerification.Malformed.class);
        }
    }

    @Test
    void aPayloadAsTypedOrScannedIsReadAsTheLabel() {
        String payload = codec.encode("A-2026-000123");
        for (String typed :
                List.of(
                        payload.toLowerCase(),
                        payload + "\r\n",
                        " " + payload + " ",
                        payload.replace('A', 'Ａ'),
                        payload.replace("-", "‐"),
                        payload.replace("-", "ー"),
                        payload.replace("-", "−"),
                        payload.replace("-", "－"),
                        "https://azukari.example.jp/L/" + payload,
                        ("https://azukari.example.jp/L/" + payload).toLowerCase())) {
            assertThat(codec.verify(typed))
                    .as(typed)
                    .isEqualTo(new LabelVerification.Genuine("K7Q2", "A-2026-000123"));
        }
    }

    @Test
    void aForgedLabelIsForgedHoweverItIsTyped() {
        String payload = codec.encode("A-2026-000123");
        String forged = payload.substring(0, payload.length() - 12) + "AAAAAAAAAAAA";
        for (String typed :
                List.of(forged, forged.toLowerCase(), forged.replace("-", "ー") + "\r\n")) {
            assertThat(codec.verify(typed))
                    .as(typed)
                    .isEqualTo(new LabelVerification.Forged("K7Q2", "A-2026-000123"));
        }
    }

    @Test
    void extraCharactersBeforeOrAfterTheCanonicalFormAreMalformed() {
        String payload = codec.encode("A-2026-000123");
        for (String wrong :
                List.of(
                        payload + "A",
                        payload + ":",
                        "X" + payload,
                        payload + " X",
                        "AZ2" + payload.substring(3),
                        "AZ1::K7Q2:A-1:" + payload.substring(payload.length() - 12),
                        "WWW.EXAMPLE.JP/L/" + payload)) {
            assertThat(codec.verify(wrong))
                    .as(wrong)
                    .isInstanceOf(LabelVerification.Malformed.class);
        }
    }

    @Test
    void aRotatedKeyKeepsOldLabelsGenuineUntilItIsRetiredThenTheyAreForeign() {
        LabelKey next =
                new LabelKey(
                        "N3W4",
                        new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16},
                        false);
        String oldLabel = codec.encode("A-1");

        LabelPayloadCodec rotated =
                new LabelPayloadCodec(new LabelKeyRing("N3W4", List.of(key, next)));
        String newLabel = rotated.encode("A-2");

        assertThat(newLabel).startsWith("AZ1:N3W4:A-2:");
        assertThat(rotated.verify(oldLabel))
                .isEqualTo(new LabelVerification.Genuine("K7Q2", "A-1"));
        assertThat(rotated.verify(newLabel))
                .isEqualTo(new LabelVerification.Genuine("N3W4", "A-2"));

        LabelPayloadCodec retired =
                new LabelPayloadCodec(new LabelKeyRing("N3W4", List.of(key.retire(), next)));
        assertThat(retired.verify(oldLabel)).isEqualTo(new LabelVerification.Foreign("K7Q2"));
        assertThat(retired.verify(newLabel))
                .isEqualTo(new LabelVerification.Genuine("N3W4", "A-2"));
        assertThatThrownBy(() -> retired.encode("K7Q2", "A-3"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRingRefusesARetiredOrMissingCurrentKeyAndDuplicateIds() {
        assertThatThrownBy(() -> new LabelKeyRing("K7Q2", List.of(key.retire())))
                .hasMessageContaining("retired");
        assertThatThrownBy(() -> new LabelKeyRing("AAAA", List.of(key)))
                .hasMessageContaining("not in the ring");
        assertThatThrownBy(() -> new LabelKeyRing("K7Q2", List.of(key, key)))
                .hasMessageContaining("share the id");
    }

    @Test
    void onlyValidTagsAreSigned() {
        for (String notATag : List.of("a-1", "-A", "A:1", "A 1", "", "A".repeat(41), "Ａ1", "A_1")) {
            assertThatThrownBy(() -> codec.encode(notATag))
                    .as(notATag)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void generatedKeysHaveA4CharacterBase32IdAnd32SecretBytesAndNeverPrintTheSecret() {
        SecureRandom random = new SecureRandom();
        LabelKey first = LabelKey.generate(random);
        LabelKey second = LabelKey.generate(random);

        assertThat(first.id()).matches("[A-Z2-7]{4}");
        assertThat(first.secret()).hasSize(32).isNotEqualTo(second.secret());
        assertThat(first.retired()).isFalse();
        assertThat(first.toString()).isEqualTo("LabelKey[" + first.id() + "]");
    }

    @Test
    void aKeyNeedsAValidIdAndAtLeast128BitsOfSecret() {
        assertThatThrownBy(() -> new LabelKey("k7q2", new byte[32], false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LabelKey("K7Q1", new byte[32], false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LabelKey("K7Q2", new byte[15], false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
