package jp.azukari.core.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TransferKindTests {

    @Test
    void the_regex_names_exactly_the_kinds() {
        assertThat(TransferKind.REGEX)
                .isEqualTo(
                        Arrays.stream(TransferKind.values())
                                .map(Enum::name)
                                .collect(Collectors.joining("|")));
    }
}
