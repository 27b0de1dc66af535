package jp.azukari.scanner.e2e;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import jp.azukari.scanner.testing.LabelPictures;

/**
 * Photos of printed labels: the backend's own label PNGs, several to a photo, turned, scaled, lit
 * unevenly, soft.
 */
final class Photos {

    private Photos() {}

    /**
     * Renders each asset's label through {@code GET /assets/{id}/label.png?dpi=300} and lays them
     * out {@code perPhoto} to a picture, written as JPEG files {@code IMG_0001.jpg}, … in {@code
     * folder}.
     */
    static List<Path> of(Agency agency, List<Agency.Asset> assets, int perPhoto, Path folder)
            throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (int start = 0; start < assets.size(); start += perPhoto) {
            List<BufferedImage> labels = new ArrayList<>();
            for (Agency.Asset asset :
                    assets.subList(start, Math.min(assets.size(), start + perPhoto))) {
                labels.add(read(agency.labelPng(asset.id(), 300)));
            }
            BufferedImage photo = LabelPictures.photo(labels, 0.55, 0.8, 4242L + start);
            Path file = folder.resolve(String.format("IMG_%04d.jpg", written.size() + 1));
            Files.write(file, LabelPictures.encode(photo, "jpg"));
            written.add(file);
        }
        return written;
    }

    private static BufferedImage read(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalStateException("the backend's label.png is not a picture");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
