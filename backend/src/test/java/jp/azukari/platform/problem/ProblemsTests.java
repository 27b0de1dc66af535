package jp.azukari.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.azukari.custody.domain.RefusalCode;
import org.junit.jupiter.api.Test;

/**
 * The problems of the application are plain domain types: kind, slug, detail and members, no HTTP.
 */
class ProblemsTests {

    @Test
    void a_refusal_by_role_carries_the_custody_code_of_the_same_name() {
        assertThat(Problems.ROLE_NOT_PERMITTED).isEqualTo(RefusalCode.ROLE_NOT_PERMITTED.name());
        ProblemException e = Problems.forbidden("Only a MANAGER may do this");
        assertThat(e.kind()).isEqualTo(ProblemKind.FORBIDDEN);
        assertThat(e.slug()).isEqualTo("forbidden");
        assertThat(e.properties()).containsEntry("code", "ROLE_NOT_PERMITTED");
    }

    @Test
    void an_invalid_field_names_the_field_in_the_detail_and_in_errors() {
        ProblemException e = Problems.invalidField("date", "must not be in the future");
        assertThat(e.kind()).isEqualTo(ProblemKind.BAD_REQUEST);
        assertThat(e.detail()).isEqualTo("Field 'date': must not be in the future");
        assertThat(e.properties().get("errors"))
                .isEqualTo(
                        List.of(Map.of("field", "date", "message", "must not be in the future")));
    }

    @Test
    void a_member_without_a_value_is_left_out() {
        assertThat(
                        Problems.conflict("asset-changed", "try again")
                                .with("article", null)
                                .properties())
                .isEmpty();
    }
}
