package jp.azukari.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgLabelRendererTests {

    private final SvgLabelRenderer renderer = new SvgLabelRenderer();

    @Test
    void markupInATitleIsTextNotMarkup() throws Exception {
        LabelContent label = LabelFixtures.label(11);
        assertThat(label.title()).contains("<script>");

        Document svg = parse(renderer.svg(label, LabelSize.SHEET_70X37));

        assertThat(svg.getElementsByTagName("script").getLength()).isZero();
        assertThat(String.join("", texts(svg))).contains("<script>&amp; \"quotes\" 'apostrophes'");
    }

    @Test
    void theSvgIsSizedInMillimetresAndNamesTheFontWithFallbacks() throws Exception {
        Document svg = parse(renderer.svg(LabelFixtures.label(0), LabelSize.TAPE_62X29));
        Element root = svg.getDocumentElement();

        assertThat(root.getAttribute("width")).isEqualTo("62mm");
        assertThat(root.getAttribute("height")).isEqualTo("29mm");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 62 29");
        Element group = (Element) svg.getElementsByTagName("g").item(0);
        assertThat(group.getAttribute("font-family"))
                .startsWith("IPAexGothic,")
                .endsWith("sans-serif");
        assertThat(String.join("", texts(svg)))
                .contains(LabelFixtures.JAPANESE_TITLE, "R7-1000号", "デジタル庁");
    }

    @Test
    void everyLineCarriesItsMeasuredWidthSoAnotherFontCannotOverflow() throws Exception {
        Document svg = parse(renderer.svg(LabelFixtures.label(6), LabelSize.SHEET_70X37));
        NodeList texts = svg.getElementsByTagName("text");

        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            double right =
                    Double.parseDouble(text.getAttribute("x"))
                            + Double.parseDouble(text.getAttribute("textLength"));
            assertThat(right).isLessThanOrEqualTo(70 - LabelSize.SHEET_70X37.paddingMm());
            assertThat(text.getAttribute("lengthAdjust")).isEqualTo("spacingAndGlyphs");
        }
    }

    @Test
    void xmlEscapingReplacesWhatXmlCannotHold() {
        assertThat(Xml.escape("a&b<c>\"d'\u0001\uD800x😀"))
                .isEqualTo("a&amp;b&lt;c&gt;&quot;d&apos;\uFFFD\uFFFDx😀");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
