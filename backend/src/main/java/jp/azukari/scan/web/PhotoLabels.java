package jp.azukari.scan.web;

import java.util.List;

/**
 * Reads every label payload in one photo or camera frame (JPEG or PNG bytes). The one implementation is core's photo
 * decoder, the same the scanner app uses; the station never decodes anything itself.
 */
public interface PhotoLabels {

    /** The payloads found, in reading order, each once; empty when none was found. */
    List<String> read(byte[] image) throws UnreadablePhoto;

    /** The bytes are not an image that can be read. */
    final class UnreadablePhoto extends Exception {
        public UnreadablePhoto(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
