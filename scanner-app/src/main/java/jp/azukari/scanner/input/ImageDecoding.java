package jp.azukari.scanner.input;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import jp.azukari.core.decode.DecodedCode;
import jp.azukari.core.image.PhotoDecoder;
import jp.azukari.core.image.UnreadableImage;

/**
 * Decodes one picture into an input event, mapping every way a picture can be unreadable to a
 * problem.
 */
final class ImageDecoding {

    private ImageDecoding() {}

    static InputEvent decode(PhotoDecoder decoder, Path file, String source, Instant readAt) {
        try {
            return read(source, readAt, decoder.decode(file));
        } catch (UnreadableImage e) {
            return new InputEvent.Failed(source, readAt, problem(e.reason()), e.getMessage());
        }
    }

    static InputEvent read(String source, Instant readAt, List<DecodedCode> codes) {
        return new InputEvent.Read(source, readAt, codes.stream().map(DecodedCode::text).toList());
    }

    static InputEvent.Problem problem(UnreadableImage.Reason reason) {
        return switch (reason) {
            case EMPTY_FILE -> InputEvent.Problem.IMAGE_EMPTY;
            case NOT_AN_IMAGE -> InputEvent.Problem.NOT_AN_IMAGE;
            case CORRUPT -> InputEvent.Problem.IMAGE_CORRUPT;
            case TOO_LARGE -> InputEvent.Problem.IMAGE_TOO_LARGE;
            case NOT_FOUND -> InputEvent.Problem.FILE_NOT_FOUND;
            case NO_PERMISSION -> InputEvent.Problem.FILE_NO_PERMISSION;
            case IO_ERROR -> InputEvent.Problem.FILE_IO_ERROR;
        };
    }
}
