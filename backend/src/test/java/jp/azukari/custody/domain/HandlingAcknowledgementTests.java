package jp.azukari.custody.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandlingAcknowledgementTests {

    static final String DIGEST = "ab".repeat(32);

    @Test
    void an_asset_with_requirements_needs_an_acknowledgement_and_one_without_needs_none() {
        assertThat(HandlingAcknowledgement.NONE.check("施錠保管", null))
                .hasValueSatisfying(
                        r -> assertThat(r.code()).isEqualTo(RefusalCode.HANDLING_NOT_ACKNOWLEDGED));
        assertThat(HandlingAcknowledgement.NONE.check("  ", null)).isEmpty();
        assertThat(HandlingAcknowledgement.ACKNOWLEDGED.check("施錠保管", null)).isEmpty();
    }

    @Test
    void a_digest_is_an_acknowledgement_only_of_the_transfer_it_was_shown_for() {
        var ack = HandlingAcknowledgement.of(null, DIGEST.toUpperCase());
        assertThat(ack.acknowledged()).isTrue();
        assertThat(ack.check("施錠保管", DIGEST)).isEmpty();
        assertThat(ack.check("施錠保管", "cd".repeat(32)).get().code())
                .isEqualTo(RefusalCode.HANDLING_ACK_MISMATCH);
        assertThat(ack.check(null, "cd".repeat(32)).get().code())
                .isEqualTo(RefusalCode.HANDLING_ACK_MISMATCH);
    }

    @Test
    void the_note_names_the_requirements_and_the_digest() {
        assertThat(HandlingAcknowledgement.of(true, DIGEST).note(" 施錠保管 "))
                .isEqualTo("handling acknowledged: 施錠保管 (sha256 " + DIGEST + ")");
        assertThat(HandlingAcknowledgement.ACKNOWLEDGED.note(null)).isNull();
        assertThat(HandlingAcknowledgement.NONE.note("施錠保管")).isNull();
    }
}
