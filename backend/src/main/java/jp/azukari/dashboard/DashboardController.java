package jp.azukari.dashboard;

import jp.azukari.common.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The dashboard's figures as JSON, the same the console page shows. */
@RestController
class DashboardController {

    private final DashboardService dashboard;

    DashboardController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/v1/dashboard")
    Mono<Dashboard> dashboard(@AuthenticationPrincipal Actor actor) {
        return dashboard.dashboard(actor);
    }
}
