package jp.azukari.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublicationRulesTests {

    @Test
    void
            e_mail_addresses_phone_numbers_individual_numbers_and_postal_codes_are_personal_data_even_full_width() {
        assertThat(PublicationRules.personalData("連絡先 ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", List.of())).isPresent();
        assertThat(PublicationRules.personalData("電話 03-1234-5678", List.of())).isPresent();
        assertThat(PublicationRules.personalData("電話 ０９０ー１２３４ー５６７８", List.of())).isPresent();
        assertThat(PublicationRules.personalData("番号 1234 5678 9012", List.of())).isPresent();
        assertThat(PublicationRules.personalData("〒100-8914 千代田区", List.of())).isPresent();
    }

    @Test
    void the_names_of_those_involved_are_refused_whatever_their_case_or_width() {
        assertThat(PublicationRules.personalData("担当の ＹＡＭＡＤＡ が発見", List.of("yamada", "山田 太郎")))
                .isPresent();
        assertThat(PublicationRules.personalData("山田 太郎 が発見", List.of("yamada", "山田 太郎")))
                .isPresent();
    }

    @Test
    void a_plain_summary_with_counts_and_dates_passes() {
        assertThat(
                        PublicationRules.personalData(
                                "2026年11月に調査票1件の取扱いに不備がありました。流出は確認されていません。",
                                List.of("yamada", "山田 太郎", "x")))
                .isEmpty();
    }
}
