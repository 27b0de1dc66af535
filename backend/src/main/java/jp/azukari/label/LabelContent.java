package jp.azukari.label;

import java.util.Objects;
import jp.azukari.core.label.LabelPayloadSyntax;
import jp.azukari.core.label.ParsedPayload;

/**
 * What one label shows: the QR payload, and in text the tag, the asset's title, the contract number
 * and the agency's name. The payload must be a well-formed label payload for the same tag.
 */
public record LabelContent(
        String payload, String tag, String title, String contractNumber, String agencyName) {

    public LabelContent {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(tag, "tag");
        title = Objects.requireNonNullElse(title, "");
        contractNumber = Objects.requireNonNullElse(contractNumber, "");
        agencyName = Objects.requireNonNullElse(agencyName, "");
        ParsedPayload parsed = LabelPayloadSyntax.parse(payload);
        if (parsed instanceof ParsedPayload.Rejected rejected) {
            throw new IllegalArgumentException(
                    "not a label payload (" + rejected.reason() + "): " + payload);
        }
        String encodedTag = ((ParsedPayload.WellFormed) parsed).tag();
        if (!encodedTag.equals(tag)) {
            throw new IllegalArgumentException(
                    "the payload names tag " + encodedTag + ", the label says " + tag);
        }
    }
}
