package jp.azukari.training;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.Access;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The article 3 setting. Training records themselves are kept by PUT /api/v1/users/{id}/training.
 */
@RestController
@RequestMapping("/api/v1/settings/training")
class TrainingSettingsController {

    record TrainingSetting(@NotNull Boolean required) {}

    private final AgencySettings settings;

    TrainingSettingsController(AgencySettings settings) {
        this.settings = settings;
    }

    @GetMapping
    Mono<TrainingSetting> get(@AuthenticationPrincipal Actor actor) {
        return settings.flag(AgencySettings.TRAINING_REQUIRED).map(TrainingSetting::new);
    }

    @PutMapping
    Mono<TrainingSetting> put(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody TrainingSetting body) {
        return Access.require(actor, "change the training setting", Role.ADMIN)
                .then(
                        settings.setFlag(
                                AgencySettings.TRAINING_REQUIRED, body.required(), actor.userId()))
                .then(get(actor));
    }
}
