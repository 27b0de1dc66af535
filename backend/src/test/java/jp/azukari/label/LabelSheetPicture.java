package jp.azukari.label;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Makes the README's picture of an A4 label sheet: renders a sheet PDF of sample labels and
 * rasterises page 1 at 100 dpi to {@code docs/images/label-sheet.png}, with the die-cut outlines of
 * the stock drawn in light grey (the PDF itself prints no outlines). {@code ./mvnw -q -pl backend
 * test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=jp.azukari.label.LabelSheetPicture}
 */
public final class LabelSheetPicture {

    private static final int DPI = 100;
    private static final String[] TITLES = {
        "個人情報を含む調査票（2025年度）",
        "住民基本台帳データ抽出ファイル",
        "暗号化USBメモリ（調査データ）",
        "設計図書 第3版 一式",
        "航空写真データ（外付けHDD）",
        "固定資産税課税台帳の写し",
        "統計調査 個票データ（DVD-R 2枚）",
        "業務用ノートPC（シリアル PF-3KZ9Q）",
        "会議録音データ（ICレコーダー）",
        "庁内ネットワーク構成図",
        "委託業務仕様書（機密）",
        "道路台帳図面（紙・A1判 12枚）",
        "Survey questionnaires with personal data",
        "橋梁点検記録及び写真台帳並びに関連する電子データ一式（令和七年度分）",
        "ヒアリング記録（議事メモ・音声）",
        "Encrypted backup tape, set 2 of 5",
        "健康診断結果票（写し）",
        "補助金申請書類 一式",
        "システム設計書 v2.1",
        "地籍調査 成果品（CD-R）",
        "職員研修アンケート原票",
        "監査用エクスポート（暗号化ZIP）",
        "観測データ（SSD 1TB）",
        "契約関係書類ファイル",
    };
    private static final String[][] CONTRACTS = {
        {"R7-総務-0042", "総務省 統計局"}, {"R7-デジ-0108", "デジタル庁"}, {"R7-主税-0311", "東京都 主税局"},
    };

    private LabelSheetPicture() {}

    public static void main(String[] args) throws IOException {
        Path target = args.length > 0 ? Path.of(args[0]) : docs().resolve("images/label-sheet.png");
        LabelPayloadCodec codec =
                new LabelPayloadCodec(
                        LabelKeyRing.of(
                                new LabelKey(
                                        "K7Q2",
                                        "sample label key for the picture".getBytes(),
                                        false)));
        List<LabelContent> labels = new ArrayList<>();
        for (int i = 0; i < TITLES.length; i++) {
            String tag = String.format("A-2026-%06d", 101 + i);
            String[] contract = CONTRACTS[i / 8];
            labels.add(
                    new LabelContent(codec.encode(tag), tag, TITLES[i], contract[0], contract[1]));
        }
        SheetLayout sheet = SheetLayout.A4_24_70X37;
        try (PDDocument document = Loader.loadPDF(new PdfLabelRenderer().sheets(labels, sheet))) {
            BufferedImage page =
                    new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.GRAY);
            drawOutlines(page, sheet);
            Files.createDirectories(target.toAbsolutePath().getParent());
            ImageIO.write(page, "png", target.toFile());
        }
        System.out.printf("%s: %d KB%n", target, Files.size(target) / 1024);
    }

    private static void drawOutlines(BufferedImage page, SheetLayout sheet) {
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(200, 200, 200));
        double scale = DPI / 25.4;
        for (int i = 0; i < sheet.labelsPerPage(); i++) {
            g.drawRect(
                    (int) Math.round(sheet.labelX(i) * scale),
                    (int) Math.round(sheet.labelY(i) * scale),
                    (int) Math.round(sheet.label().widthMm() * scale) - 1,
                    (int) Math.round(sheet.label().heightMm() * scale) - 1);
        }
        g.dispose();
    }

    /**
     * The repository's docs folder, found from wherever the command runs (the root or backend/).
     */
    private static Path docs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docs/contracts.md"))) {
                return dir.resolve("docs");
            }
        }
        throw new IllegalStateException("run from inside the repository, or name the output file");
    }
}
