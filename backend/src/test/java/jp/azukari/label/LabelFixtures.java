package jp.azukari.label;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Labels as the agency prints them: varied tags, Japanese and English titles, short and very long.
 */
final class LabelFixtures {

    static final LabelKey KEY =
            new LabelKey("K7Q2", "fixture label key, 32 bytes long".getBytes(), false);
    static final LabelPayloadCodec CODEC = new LabelPayloadCodec(LabelKeyRing.of(KEY));
    static final LabelPayloadCodec URL_CODEC =
            new LabelPayloadCodec(LabelKeyRing.of(KEY), Optional.of("https://azukari.example.jp"));

    static final String JAPANESE_TITLE = "個人情報を含む調査票（2025年度）";
    static final String LONG_TITLE =
            "令和七年度国土交通省道路局所管の橋梁点検業務に係る現地調査記録一式及び写真台帳並びに"
                    + "関連する電子データを収録した外付けハードディスク（暗号化済み、パスワード別送）その他付随資料";

    private static final String[] TITLES = {
        JAPANESE_TITLE,
        "住民基本台帳データ抽出ファイル",
        "Survey questionnaires with personal data (FY2025)",
        "USBメモリ（暗号化済み）",
        "設計図書 第3版",
        "Encrypted backup tape, set 2 of 5",
        LONG_TITLE,
        "ノートPC ThinkPad X1 — シリアル PF-3KZ9Q",
        "固定資産税課税台帳の写し",
        "A",
        "Emoji and rare characters 😀 𠮷野家 and ｶﾀｶﾅ",
        "<script>&amp; \"quotes\" 'apostrophes'</script>",
    };
    private static final String[] AGENCIES = {
        "デジタル庁",
        "総務省 統計局",
        "Ministry of Land, Infrastructure, Transport and Tourism",
        "東京都",
        "国立研究開発法人 産業技術総合研究所 情報セキュリティ研究部門"
    };

    private LabelFixtures() {}

    /** The label for the i-th asset of a test run; every tenth carries the URL form. */
    static LabelContent label(int i) {
        String tag = tag(i);
        String payload = i % 10 == 9 ? URL_CODEC.labelPayload(tag) : CODEC.encode(tag);
        return new LabelContent(
                payload,
                tag,
                TITLES[i % TITLES.length],
                "R7-" + (1000 + i * 37) + "号",
                AGENCIES[i % AGENCIES.length]);
    }

    static List<LabelContent> labels(int count) {
        List<LabelContent> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            labels.add(label(i));
        }
        return labels;
    }

    private static String tag(int i) {
        return switch (i % 7) {
            case 0 -> String.format("A-2026-%06d", i * 1231 % 1_000_000);
            case 1 -> "B" + i;
            case 2 -> "CAB/" + i + "/SHELF.3";
            case 3 -> i == 3 ? "Z" : "Q" + i;
            case 4 -> ("M" + i + "-" + "0123456789".repeat(4)).substring(0, 40);
            case 5 -> "2026.DATA-" + i;
            default -> "HDD-" + i + "-X/L/Y";
        };
    }
}
