package jp.azukari.scanner.decode;

import java.nio.file.Path;
import java.util.List;

/** A picture file or camera frame in, the QR codes it shows out. */
public final class PhotoDecoder {

    private final ImageLoader loader;
    private final QrDecoder decoder;

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

    /** Nothing found in a damaged picture is the damage's fault, and the person should hear that, not "no code". */
    private List<DecodedCode> decode(LoadedImage loaded, String name) throws UnreadableImage {
        List<DecodedCode> codes = decoder.decode(GrayImage.of(loaded.image()));
        if (codes.isEmpty() && loaded.damaged()) {
            throw new UnreadableImage(UnreadableImage.Reason.CORRUPT, name + ": " + loaded.damage());
        }
        return codes;
    }
}
