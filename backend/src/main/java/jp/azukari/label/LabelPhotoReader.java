package jp.azukari.label;

import java.util.List;
import jp.azukari.core.decode.DecodedCode;
import jp.azukari.core.image.PhotoDecoder;
import jp.azukari.core.image.UnreadableImage;
import jp.azukari.core.label.CounterInput;
import jp.azukari.core.label.LabelPayloadSyntax;
import jp.azukari.core.label.ParsedPayload;
import jp.azukari.platform.problem.Problems;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The labels in a photo or a camera frame the console uploads, found with the scanner app's decoder
 * (core's {@link PhotoDecoder}). Decoding runs off the event loop. It only reads: what a label
 * names, and whether it is genuine and visible, is then asked of {@link LabelService#resolve} or
 * {@code /scans} like any typed payload.
 */
public class LabelPhotoReader {

    private final PhotoDecoder photos = PhotoDecoder.forPhotos();
    private final PhotoDecoder frames = PhotoDecoder.forCameraFrames();

    /**
     * One QR code in the picture: its text as read, the canonical payload {@code AZ1:…} when it has
     * the label syntax (else {@code null}: someone else's code), and its centre in the picture's
     * pixels.
     */
    public record FoundCode(String text, String payload, double x, double y) {}

    /** Every code in a photo (JPEG, PNG, …), in reading order; a thorough look. */
    public Mono<List<FoundCode>> photo(byte[] image) {
        return decode(photos, image, "photo");
    }

    /** The codes in one camera frame; a quick look, since the next frame is the next chance. */
    public Mono<List<FoundCode>> cameraFrame(byte[] image) {
        return decode(frames, image, "camera frame");
    }

    private static Mono<List<FoundCode>> decode(PhotoDecoder decoder, byte[] image, String name) {
        return Mono.fromCallable(
                        () ->
                                decoder.decode(image, name).stream()
                                        .map(LabelPhotoReader::found)
                                        .toList())
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(
                        UnreadableImage.class,
                        e ->
                                Problems.badRequest(
                                        "The "
                                                + name
                                                + " could not be read ("
                                                + e.reason().name().toLowerCase().replace('_', ' ')
                                                + ")"));
    }

    private static FoundCode found(DecodedCode code) {
        String payload =
                CounterInput.payload(code.text()) instanceof ParsedPayload.WellFormed label
                        ? label.canonical()
                        : null;
        return new FoundCode(code.text(), payload, code.x(), code.y());
    }

    /**
     * Whether a decoded text names our format at all, for telling "damaged label" from "someone
     * else's code".
     */
    public static boolean mentionsLabelFormat(String text) {
        return LabelPayloadSyntax.mentionsFormat(CounterInput.normalise(text));
    }
}
