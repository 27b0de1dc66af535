package jp.azukari.scanner.counter;

/**
 * Art. 2.2: what a confirming run sends with each of its scans about the transfer's handling
 * requirements: the digest of the requirements the custodian was shown and acknowledged, a plain
 * yes given without seeing them (the server could not be asked, {@code --acknowledge-handling}), or
 * nothing.
 */
public record Acknowledgement(Boolean plain, String digest) {

    public static final Acknowledgement NONE = new Acknowledgement(null, null);

    /** Acknowledged without the requirements' digest: the server checks it against none. */
    public static final Acknowledgement UNSEEN = new Acknowledgement(Boolean.TRUE, null);

    public static Acknowledgement of(String digest) {
        return new Acknowledgement(null, digest);
    }
}
