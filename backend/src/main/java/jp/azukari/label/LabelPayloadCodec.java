package jp.azukari.label;

import java.util.Objects;
import java.util.Optional;
import jp.azukari.core.label.CounterInput;
import jp.azukari.core.label.LabelPayloadSyntax;
import jp.azukari.core.label.ParsedPayload;
import jp.azukari.core.label.Tags;

/**
 * Signs asset tags into label payloads and tells genuine labels from malformed, foreign and forged
 * ones. Thread-safe; holds no state beyond its key ring and optional base URL.
 */
public final class LabelPayloadCodec {

    private final LabelKeyRing keys;
    private final Optional<String> baseUrl;

    /** Without a base URL labels carry the canonical form only. */
    public LabelPayloadCodec(LabelKeyRing keys) {
        this(keys, Optional.empty());
    }

    /**
     * With a base URL ({@code https://azukari.example.jp}) labels carry the URL form that a phone
     * camera opens.
     */
    public LabelPayloadCodec(LabelKeyRing keys, Optional<String> baseUrl) {
        this.keys = Objects.requireNonNull(keys, "keys");
        // fails at start, not at the first print, when the base URL cannot be written in QR
        // alphanumeric mode
        this.baseUrl =
                baseUrl.filter(url -> !url.isBlank()).map(LabelPayloadSyntax::normaliseBaseUrl);
    }

    /** The canonical payload {@code AZ1:<KEY-ID>:<TAG>:<MAC>} signed with the current key. */
    public String encode(String tag) {
        return encode(keys.signingKey().id(), tag);
    }

    /**
     * The canonical payload signed with the named key, which must be in the ring and not retired.
     */
    public String encode(String keyId, String tag) {
        if (!Tags.isTag(tag)) {
            throw new IllegalArgumentException("not an asset tag: " + tag);
        }
        LabelKey key =
                keys.verifyingKey(keyId)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "no label key in force with id " + keyId));
        String signed = LabelPayloadSyntax.signedPart(key.id(), tag);
        return signed + LabelPayloadSyntax.SEPARATOR + LabelMac.of(key, signed);
    }

    /**
     * What goes into the QR code: the URL form when a base URL is configured, else the canonical
     * form.
     */
    public String labelPayload(String tag) {
        String canonical = encode(tag);
        return baseUrl.map(url -> LabelPayloadSyntax.urlForm(url, canonical)).orElse(canonical);
    }

    /**
     * What a payload as scanned or typed is: read through {@link CounterInput} first, so case,
     * full-width and dash look-alikes do not matter.
     */
    public LabelVerification verify(String payload) {
        ParsedPayload parsed = CounterInput.payload(payload);
        if (parsed instanceof ParsedPayload.Rejected rejected) {
            return new LabelVerification.Malformed(rejected.reason());
        }
        ParsedPayload.WellFormed label = (ParsedPayload.WellFormed) parsed;
        Optional<LabelKey> key = keys.verifyingKey(label.keyId());
        if (key.isEmpty()) {
            return new LabelVerification.Foreign(label.keyId());
        }
        String expected = LabelMac.of(key.get(), label.signedPart());
        return LabelMac.matches(expected, label.mac())
                ? new LabelVerification.Genuine(label.keyId(), label.tag())
                : new LabelVerification.Forged(label.keyId(), label.tag());
    }
}
