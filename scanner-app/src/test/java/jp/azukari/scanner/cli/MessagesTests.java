package jp.azukari.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import jp.azukari.scanner.client.ApiException;
import jp.azukari.scanner.input.InputEvent;
import jp.azukari.scanner.label.Reading;
import org.junit.jupiter.api.Test;

class MessagesTests {

    @Test
    void japaneseAndEnglishHaveTheSameMessages() {
        assertThat(keys(Language.ja)).isEqualTo(keys(Language.en));
    }

    @Test
    void everyProblemReasonAndNoteHasAMessageInBothLanguages() {
        for (Language language : Language.values()) {
            Messages messages = Messages.of(language);
            Arrays.stream(InputEvent.Problem.values())
                    .forEach(
                            p ->
                                    assertThat(messages.has("problem." + p.name()))
                                            .as(language + " problem." + p)
                                            .isTrue());
            Arrays.stream(Reading.Why.values())
                    .forEach(
                            w ->
                                    assertThat(messages.has("notours." + w.name()))
                                            .as(language + " notours." + w)
                                            .isTrue());
            Arrays.stream(ApiException.Unavailable.Why.values())
                    .forEach(
                            w ->
                                    assertThat(messages.has("note.unavailable." + w.name()))
                                            .as(language + " " + w)
                                            .isTrue());
            Arrays.stream(ApiException.LoginRequired.Why.values())
                    .forEach(
                            w ->
                                    assertThat(messages.has("note.login." + w.name()))
                                            .as(language + " " + w)
                                            .isTrue());
        }
    }

    @Test
    void japaneseIsReadAsUtf8() {
        assertThat(Messages.of(Language.ja).text("summary", 1, 2, 3))
                .isEqualTo("成功 1 件、失敗 2 件、保留 3 件");
    }

    private static Set<String> keys(Language language) {
        ResourceBundle bundle =
                ResourceBundle.getBundle(
                        "jp.azukari.scanner.cli.messages",
                        language.locale(),
                        ResourceBundle.Control.getNoFallbackControl(
                                ResourceBundle.Control.FORMAT_PROPERTIES));
        return new TreeSet<>(Collections.list(bundle.getKeys()));
    }
}
