package jp.azukari.label;

import java.util.Locale;

/**
 * One label as SVG, sized in millimetres: the QR code as one path of module rectangles, the text as
 * {@code <text>}. The viewer picks the font from a fallback list; each line carries the width it
 * has in IPAex Gothic as {@code textLength}, so with any other font it is squeezed into the same
 * room and never overflows the label.
 */
public final class SvgLabelRenderer {

    static final String FONT_FAMILIES =
            LabelFont.FAMILY
                    + ", 'IPAexゴシック', 'Noto Sans CJK JP', 'Source Han Sans JP', 'Hiragino Kaku Gothic ProN', 'Hiragino Sans', "
                    + "'Yu Gothic', YuGothic, Meiryo, sans-serif";

    private final LabelLayout layout = new LabelLayout(LabelFont.shared());

    public String svg(LabelContent content, LabelSize size) {
        LabelDrawing drawing = layout.layout(content, size);
        StringBuilder svg = new StringBuilder(8 * 1024);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
                .append(number(drawing.width()))
                .append("mm\" height=\"")
                .append(number(drawing.height()))
                .append("mm\" viewBox=\"0 0 ")
                .append(number(drawing.width()))
                .append(' ')
                .append(number(drawing.height()))
                .append("\">\n");
        svg.append("<title>").append(Xml.escape(content.tag())).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        appendQr(svg, drawing.qr());
        svg.append("<g font-family=\"")
                .append(Xml.escape(FONT_FAMILIES))
                .append("\" fill=\"#000\">\n");
        for (LabelDrawing.TextLine line : drawing.lines()) {
            svg.append("<text x=\"")
                    .append(number(line.x()))
                    .append("\" y=\"")
                    .append(number(line.baseline()))
                    .append("\" font-size=\"")
                    .append(number(line.size()))
                    .append("\" textLength=\"")
                    .append(number(line.width()))
                    .append("\" lengthAdjust=\"spacingAndGlyphs\">")
                    .append(Xml.escape(line.text()))
                    .append("</text>\n");
        }
        svg.append("</g>\n</svg>\n");
        return svg.toString();
    }

    private static void appendQr(StringBuilder svg, LabelDrawing.QrMark qr) {
        double module = qr.moduleSize();
        svg.append("<path fill=\"#000\" shape-rendering=\"crispEdges\" d=\"");
        for (QrSymbol.Run run : qr.symbol().darkRuns()) {
            svg.append('M')
                    .append(number(qr.x() + run.column() * module))
                    .append(' ')
                    .append(number(qr.y() + run.row() * module))
                    .append('h')
                    .append(number(run.length() * module))
                    .append('v')
                    .append(number(module))
                    .append('h')
                    .append(number(-run.length() * module))
                    .append('z');
        }
        svg.append("\"/>\n");
    }

    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.4f", value);
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        if (text.charAt(end - 1) == '.') {
            end--;
        }
        return text.substring(0, end);
    }
}
