package jp.azukari.scan.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import jp.azukari.label.LabelContent;
import jp.azukari.label.LabelSize;
import jp.azukari.label.PngLabelRenderer;

/**
 * Pictures made from the product's own label renderer, as a camera would see printed labels: a
 * photo of a tray with several labels in it (JPEG), and an MJPEG file for Chromium's fake camera
 * showing one label after another.
 */
public final class LabelPictures {

    private static final PngLabelRenderer RENDERER = new PngLabelRenderer();

    private LabelPictures() {}

    /** The labels side by side (two per row) on a grey tray, as one JPEG photo. */
    public static byte[] tray(List<LabelContent> labels) {
        int labelWidth = 560;
        BufferedImage first =
                RENDERER.imageOfWidth(labels.get(0), LabelSize.SHEET_70X37, labelWidth);
        int gap = 80;
        int columns = Math.min(2, labels.size());
        int rows = (labels.size() + columns - 1) / columns;
        BufferedImage tray =
                new BufferedImage(
                        gap + columns * (labelWidth + gap),
                        gap + rows * (first.getHeight() + gap),
                        BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tray.createGraphics();
        g.setColor(new Color(0x8a, 0x8d, 0x91));
        g.fillRect(0, 0, tray.getWidth(), tray.getHeight());
        for (int i = 0; i < labels.size(); i++) {
            BufferedImage label =
                    RENDERER.imageOfWidth(labels.get(i), LabelSize.SHEET_70X37, labelWidth);
            g.drawImage(
                    label,
                    gap + (i % columns) * (labelWidth + gap),
                    gap + (i / columns) * (first.getHeight() + gap),
                    null);
        }
        g.dispose();
        return jpeg(tray);
    }

    /**
     * An MJPEG file (JPEG frames one after another) of 640 × 480 frames: each label for {@code
     * framesPerLabel} frames.
     */
    public static Path mjpeg(List<LabelContent> labels, int framesPerLabel, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (LabelContent content : labels) {
                BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = frame.createGraphics();
                g.setRenderingHint(
                        RenderingHints.KEY_INTERPOLATION,
                        RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setColor(new Color(0x60, 0x64, 0x68));
                g.fillRect(0, 0, 640, 480);
                BufferedImage label = RENDERER.imageOfWidth(content, LabelSize.SHEET_70X37, 520);
                g.drawImage(label, 60, (480 - label.getHeight()) / 2, null);
                g.dispose();
                byte[] jpeg = jpeg(frame);
                for (int i = 0; i < framesPerLabel; i++) {
                    out.write(jpeg);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpeg(BufferedImage image) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.92f);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
