package jp.azukari.platform.console;

import jp.azukari.common.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;

/**
 * {@code /} is each role's home: a clerk's asset search, a custodian's custody page, a manager's
 * overdue dashboard (issue 12); auditors and administrators get a page of links to their screens.
 */
@ConsolePage
class HomeController {

    @GetMapping("/")
    Rendering home(@AuthenticationPrincipal Actor actor) {
        return switch (actor.role()) {
            case CLERK -> Rendering.redirectTo("/assets").build();
            case CUSTODIAN -> Rendering.redirectTo("/custody").build();
            case MANAGER -> Rendering.redirectTo("/dashboard").build();
            case AUDITOR, ADMIN -> Rendering.view("console/home").build();
        };
    }
}
