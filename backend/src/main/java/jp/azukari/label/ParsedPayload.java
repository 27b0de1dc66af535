package jp.azukari.label;

/** What the syntax alone says about a scanned payload, before any key is consulted. */
public sealed interface ParsedPayload {

    /** The payload has the {@code AZ1} syntax; {@code canonical} is {@code AZ1:<KEY-ID>:<TAG>:<MAC>}. */
    record WellFormed(String keyId, String tag, String mac) implements ParsedPayload {

        public String signedPart() {
            return LabelPayloadSyntax.signedPart(keyId, tag);
        }

        public String canonical() {
            return signedPart() + LabelPayloadSyntax.SEPARATOR + mac;
        }
    }

    /** Not the {@code AZ1} syntax, and why, in words for a log or a counter clerk. */
    record Rejected(String reason) implements ParsedPayload {
    }
}
