package jp.azukari.core.image;

import java.nio.file.Path;
import java.util.List;
import jp.azukari.core.decode.DecodedCode;
import jp.azukari.core.decode.QrDecoder;

/**
 * A picture file or camera frame in (JPEG, PNG, … as bytes or a file), the QR codes it shows out,
 * each with its text and where its centre is. The one class the scanner app and the backend's
 * console both decode pictures with. Thread-safe.
 */
public final class PhotoDecoder {

    private final ImageLoader loader;
    private final QrDecoder decoder;

    /** A thorough decoder for photos and files. */
    public static PhotoDecoder forPhotos() {
        return new PhotoDecoder(new ImageLoader(), new QrDecoder(QrDecoder.Effort.THOROUGH));
    }

    /** A quick decoder for camera frames, where the next frame is the next chance. */
    public static PhotoDecoder forCameraFrames() {
        return new PhotoDecoder(new ImageLoader(), new QrDecoder(QrDecoder.Effort.QUICK));
    }

    public PhotoDecoder(ImageLoader loader, QrDecoder decoder) {
        this.loader = loader;
        this.decoder = decoder;
    }

    public List<DecodedCode> decode(Path file) throws UnreadableImage {
        return decode(loader.load(file), file.toString());
    }

    public List<DecodedCode> decode(byte[] encoded, String name) throws UnreadableImage {
        return decode(loader.load(encoded, name), name);
    }

    /**
     * Nothing found in a damaged picture is the damage's fault, and the person should hear that,
     * not "no code".
     */
    private List<DecodedCode> decode(LoadedImage loaded, String name) throws UnreadableImage {
        List<DecodedCode> codes = decoder.decode(GrayImages.of(loaded.image()));
        if (codes.isEmpty() && loaded.damaged()) {
            throw new UnreadableImage(
                    UnreadableImage.Reason.CORRUPT, name + ": " + loaded.damage());
        }
        return codes;
    }
}
