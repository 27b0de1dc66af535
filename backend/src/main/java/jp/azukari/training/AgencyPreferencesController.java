package jp.azukari.training;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jp.azukari.common.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/settings/agency}: the agency's time zone and reminder settings (any signed-in user
 * reads them, an ADMIN changes them).
 */
@RestController
@RequestMapping("/api/v1/settings/agency")
class AgencyPreferencesController {

    record AgencySettingsBody(
            @NotNull String timeZone, @NotNull String reminderTime, @NotNull Integer dueSoonDays) {}

    private final AgencyPreferences preferences;

    AgencyPreferencesController(AgencyPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    AgencyPreferences.Preferences get() {
        return preferences.current();
    }

    @PutMapping
    Mono<AgencyPreferences.Preferences> put(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody AgencySettingsBody body) {
        return preferences.change(
                actor,
                new AgencyPreferences.Preferences(
                        body.timeZone(), body.reminderTime(), body.dueSoonDays()));
    }
}
