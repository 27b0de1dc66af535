package jp.azukari.label;

/**
 * What a payload is, once checked against this installation's keys (the classifications of
 * docs/contracts.md).
 */
public sealed interface LabelVerification {

    /** Signed here with a key still in force: the label names this tag. */
    record Genuine(String keyId, String tag) implements LabelVerification {}

    /** Not the label syntax at all: mistyped, truncated, wrong characters, too long. */
    record Malformed(String reason) implements LabelVerification {}

    /**
     * The syntax is right, but the key id is unknown here or retired: another installation's label,
     * or an old one.
     */
    record Foreign(String keyId) implements LabelVerification {}

    /** The key is ours and in force, but the MAC does not match the tag: altered or made up. */
    record Forged(String keyId, String tag) implements LabelVerification {}
}
