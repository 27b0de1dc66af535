package jp.azukari.core.image;

/**
 * A picture that could not be turned into pixels; {@link Reason} says why in words the counter can
 * act on.
 */
public final class UnreadableImage extends Exception {

    public enum Reason {
        EMPTY_FILE,
        NOT_AN_IMAGE,
        CORRUPT,
        NOT_FOUND,
        NO_PERMISSION,
        IO_ERROR,
        TOO_LARGE
    }

    private final Reason reason;

    public UnreadableImage(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public UnreadableImage(Reason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
