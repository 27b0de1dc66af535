package jp.azukari.dashboard;

import java.util.Map;
import jp.azukari.common.Actor;
import jp.azukari.platform.console.ConsolePage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The manager's home: the dashboard, and its figures alone for the page to re-read when the change
 * stream ({@code /dashboard/events}) says something changed.
 */
@ConsolePage
class DashboardPage {

    private final DashboardService dashboard;

    DashboardPage(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard")
    Mono<Rendering> page(@AuthenticationPrincipal Actor actor) {
        return dashboard
                .dashboard(actor)
                .map(d -> Rendering.view("console/dashboard").model(model(d)).build());
    }

    @GetMapping("/dashboard/figures")
    Mono<Rendering> figures(@AuthenticationPrincipal Actor actor) {
        return dashboard
                .dashboard(actor)
                .map(d -> Rendering.view("console/dashboard :: figures").model(model(d)).build());
    }

    private static Map<String, Object> model(Dashboard d) {
        return Map.of(
                "d",
                d,
                "chart",
                BarChart.byHolder(d),
                "dueBy",
                d.asOf().plusDays(d.dueSoonDays() + 1L));
    }
}
