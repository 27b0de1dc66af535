package jp.azukari.label;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * One label as a greyscale image, at a printer's resolution (150, 203, 300 dpi …) or at a pixel
 * width. QR modules are whole pixels, all the same size, so the code stays sharp and decodes at any
 * resolution.
 */
public final class PngLabelRenderer {

    private static final double MM_PER_INCH = 25.4;

    private final LabelFont font;
    private final LabelLayout layout;

    public PngLabelRenderer() {
        this.font = LabelFont.shared();
        this.layout = new LabelLayout(font);
    }

    /** The label at the given resolution in dots per inch. */
    public BufferedImage image(LabelContent content, LabelSize size, double dpi) {
        if (!(dpi >= 72 && dpi <= 2400)) {
            throw new IllegalArgumentException(
                    "a label resolution is between 72 and 2400 dpi: " + dpi);
        }
        return draw(layout.layout(content, size), dpi / MM_PER_INCH);
    }

    /**
     * The label scaled to the given width in pixels, its height following the label's proportions.
     */
    public BufferedImage imageOfWidth(LabelContent content, LabelSize size, int widthPx) {
        if (widthPx < 64 || widthPx > 10_000) {
            throw new IllegalArgumentException(
                    "a label image is between 64 and 10000 pixels wide: " + widthPx);
        }
        return draw(layout.layout(content, size), widthPx / size.widthMm());
    }

    /**
     * {@link #image} encoded as PNG, with its resolution recorded so it prints at the label's real
     * size.
     */
    public byte[] png(LabelContent content, LabelSize size, double dpi) {
        return PngEncoder.encode(image(content, size, dpi), dpi);
    }

    public byte[] pngOfWidth(LabelContent content, LabelSize size, int widthPx) {
        return PngEncoder.encode(
                imageOfWidth(content, size, widthPx), widthPx / size.widthMm() * MM_PER_INCH);
    }

    private BufferedImage draw(LabelDrawing drawing, double pxPerMm) {
        int width = (int) Math.round(drawing.width() * pxPerMm);
        int height = (int) Math.round(drawing.height() * pxPerMm);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            drawQr(g, drawing.qr(), pxPerMm);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_FRACTIONALMETRICS,
                    RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            for (LabelDrawing.TextLine line : drawing.lines()) {
                g.setFont(font.awt(line.size() * pxPerMm));
                g.drawString(
                        line.text(),
                        (float) (line.x() * pxPerMm),
                        (float) (line.baseline() * pxPerMm));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The biggest whole number of pixels per module that fits the QR square, centred in it. */
    private static void drawQr(Graphics2D g, LabelDrawing.QrMark qr, double pxPerMm) {
        double sidePx = qr.side() * pxPerMm;
        int modules = qr.symbol().modules();
        int module = (int) Math.floor(sidePx / modules);
        if (module < 1) {
            throw new IllegalArgumentException(
                    "too few pixels for the QR code: "
                            + Math.round(sidePx)
                            + " for "
                            + modules
                            + " modules; raise the resolution");
        }
        int left = (int) Math.round(qr.x() * pxPerMm + (sidePx - module * modules) / 2);
        int top = (int) Math.round(qr.y() * pxPerMm + (sidePx - module * modules) / 2);
        for (QrSymbol.Run run : qr.symbol().darkRuns()) {
            g.fillRect(
                    left + run.column() * module,
                    top + run.row() * module,
                    run.length() * module,
                    module);
        }
    }
}
