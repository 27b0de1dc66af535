package jp.azukari.core.label;

/** What the syntax alone says about a payload, before any key is consulted. */
public sealed interface ParsedPayload {

    /**
     * The payload has the {@code AZ1} syntax; whether its MAC is right only the key holder can say.
     */
    record WellFormed(String keyId, String tag, String mac) implements ParsedPayload {

        public String signedPart() {
            return LabelPayloadSyntax.signedPart(keyId, tag);
        }

        /** {@code AZ1:<KEY-ID>:<TAG>:<MAC>}: what the scanner sends and the backend stores. */
        public String canonical() {
            return signedPart() + LabelPayloadSyntax.SEPARATOR + mac;
        }
    }

    /** Not the {@code AZ1} syntax, and why, in words for a log or a counter clerk. */
    record Rejected(String reason) implements ParsedPayload {}
}
