package jp.azukari.scanner.label;

import java.util.Objects;

/**
 * The parts of an Azukari label payload (docs/contracts.md, "Label payload"). The scanner has no key, so the MAC is
 * carried along unverified; only the server can tell a genuine label from a forged or foreign one.
 */
public record Label(String keyId, String tag, String mac) {

    public Label {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(mac, "mac");
    }

    /** The canonical form {@code AZ1:<KEY-ID>:<TAG>:<MAC>}, which is what the scanner sends to the server. */
    public String canonical() {
        return LabelSyntax.VERSION + ":" + keyId + ":" + tag + ":" + mac;
    }
}
