package jp.azukari.scanner.input;

import java.time.Instant;
import java.util.List;

/**
 * What an input produced: the texts read from one picture, frame or line, or why nothing could be
 * read.
 */
public sealed interface InputEvent {

    /**
     * Where it came from, as the person at the counter would name it: a file, "stdin line 3",
     * "camera frame 41".
     */
    String source();

    /** When it was read; becomes the scan time sent to the server. */
    Instant readAt();

    /** Texts read from one source. Empty for a picture in which no QR code was found. */
    record Read(String source, Instant readAt, List<String> texts) implements InputEvent {

        public Read {
            texts = List.copyOf(texts);
        }
    }

    record Failed(String source, Instant readAt, Problem problem, String detail)
            implements InputEvent {}

    /** Why an input could not be read; each has a message the counter can act on. */
    enum Problem {
        IMAGE_EMPTY,
        NOT_AN_IMAGE,
        IMAGE_CORRUPT,
        IMAGE_TOO_LARGE,
        FILE_NOT_FOUND,
        FILE_NO_PERMISSION,
        FILE_IO_ERROR,
        FOLDER_NO_PERMISSION,
        FOLDER_IO_ERROR,
        LINE_TOO_LONG,
        WATCH_FAILED,
        CAMERA_NOT_STARTED,
        CAMERA_FAILED,
        CAMERA_NO_FRAMES,
        CAMERA_FRAME_TOO_LARGE
    }
}
