package jp.azukari.scanner.client;

/**
 * An RFC 9457 problem answer; {@code code} and {@code article} are set when a custody rule refused
 * the request.
 */
public record Problem(
        String type, String title, int status, String detail, String code, String article) {

    /** The most specific human text the server gave. */
    public String explanation() {
        if (detail != null && !detail.isBlank()) {
            return detail;
        }
        return title != null ? title : "HTTP " + status;
    }
}
