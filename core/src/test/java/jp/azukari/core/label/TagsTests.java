package jp.azukari.core.label;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagsTests {

    @Test
    void acceptsTheTagsLabelsCarry() {
        assertThat(Tags.isTag("A-0001")).isTrue();
        assertThat(Tags.isTag("HDD/2026.07-1")).isTrue();
        assertThat(Tags.isTag("X".repeat(40))).isTrue();
    }

    @Test
    void refusesWhatNoLabelCarries() {
        assertThat(Tags.isTag(null)).isFalse();
        assertThat(Tags.isTag("")).isFalse();
        assertThat(Tags.isTag("-A")).isFalse();
        assertThat(Tags.isTag("a-0001")).isFalse();
        assertThat(Tags.isTag("A:1")).isFalse();
        assertThat(Tags.isTag("X".repeat(41))).isFalse();
    }
}
