package jp.azukari.platform.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import jp.azukari.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application's own first-start bean, on the shared test database that already has users. */
class FirstStartInTheApplicationTests extends ApiTestSupport {

    @Autowired FirstStart firstStart;

    @Test
    void running_the_first_start_again_makes_nothing() {
        long admins =
                db.sql("SELECT count(*) AS n FROM app_user WHERE username = 'admin'")
                        .map(r -> r.get("n", Long.class))
                        .one()
                        .block();

        FirstStart.Outcome again = firstStart.run().block();

        assertThat(again.created()).isFalse();
        assertThat(
                        db.sql("SELECT count(*) AS n FROM app_user WHERE username = 'admin'")
                                .map(r -> r.get("n", Long.class))
                                .one()
                                .block())
                .isEqualTo(admins)
                .isLessThanOrEqualTo(1);
    }
}
