package jp.azukari.core.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG, JPEG, GIF and BMP without trusting them: the size is read from the header first, and a
 * picture larger than {@code maxPixels} is read with source subsampling, so a 100-megapixel photo
 * never becomes a 400 MB array.
 */
public final class ImageLoader {

    /** About a 16-megapixel phone photo: enough for labels, bounded in memory (≈ 50 MB as RGB). */
    public static final long DEFAULT_MAX_PIXELS = 16_000_000L;

    private final long maxPixels;

    public ImageLoader() {
        this(DEFAULT_MAX_PIXELS);
    }

    public ImageLoader(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        this.maxPixels = maxPixels;
        ImageIO.setUseCache(false);
    }

    public LoadedImage load(Path file) throws UnreadableImage {
        try {
            if (Files.size(file) == 0) {
                throw new UnreadableImage(UnreadableImage.Reason.EMPTY_FILE, file.toString());
            }
            try (InputStream in = Files.newInputStream(file)) {
                return load(in, file.toString());
            }
        } catch (NoSuchFileException e) {
            throw new UnreadableImage(UnreadableImage.Reason.NOT_FOUND, file.toString(), e);
        } catch (AccessDeniedException e) {
            throw new UnreadableImage(UnreadableImage.Reason.NO_PERMISSION, file.toString(), e);
        } catch (IOException e) {
            throw new UnreadableImage(
                    UnreadableImage.Reason.IO_ERROR, file + ": " + e.getMessage(), e);
        }
    }

    public LoadedImage load(byte[] bytes, String name) throws UnreadableImage {
        if (bytes.length == 0) {
            throw new UnreadableImage(UnreadableImage.Reason.EMPTY_FILE, name);
        }
        try {
            return load(new ByteArrayInputStream(bytes), name);
        } catch (IOException e) {
            throw new UnreadableImage(
                    UnreadableImage.Reason.IO_ERROR, name + ": " + e.getMessage(), e);
        }
    }

    private LoadedImage load(InputStream raw, String name) throws IOException, UnreadableImage {
        try (ImageInputStream in = ImageIO.createImageInputStream(raw)) {
            if (in == null) {
                throw new UnreadableImage(UnreadableImage.Reason.NOT_AN_IMAGE, name);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnreadableImage(UnreadableImage.Reason.NOT_AN_IMAGE, name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return read(reader, name);
            } finally {
                reader.dispose();
            }
        }
    }

    private LoadedImage read(ImageReader reader, String name) throws UnreadableImage {
        try {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new UnreadableImage(UnreadableImage.Reason.CORRUPT, name + ": no pixels");
            }
            int subsampling = subsamplingFor(width, height);
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image = reader.read(0, param);
            if (image == null) {
                throw new UnreadableImage(UnreadableImage.Reason.CORRUPT, name);
            }
            return new LoadedImage(image, width, height, subsampling, String.join("; ", warnings));
        } catch (IOException | RuntimeException e) {
            // Image readers report damaged data as IIOException, EOFException, and now and then as
            // an
            // IndexOutOfBounds or IllegalArgument from deep inside a codec. To the counter all of
            // them mean "damaged".
            throw new UnreadableImage(
                    UnreadableImage.Reason.CORRUPT, name + ": " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new UnreadableImage(UnreadableImage.Reason.TOO_LARGE, name, e);
        }
    }

    /**
     * How many pixels of each row and column are skipped so a picture of this size stays within the
     * pixel budget.
     */
    public int subsamplingFor(long width, long height) {
        long pixels = width * height;
        if (pixels <= maxPixels) {
            return 1;
        }
        int factor = (int) Math.ceil(Math.sqrt((double) pixels / maxPixels));
        while ((width / factor) * (height / factor) > maxPixels) {
            factor++;
        }
        return factor;
    }
}
