package jp.azukari.reminder;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.Access;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the daily job recorded (MANAGER, AUDITOR). */
@RestController
class ReminderController {

    private final ReminderLog log;

    ReminderController(ReminderLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/reminders/runs")
    Flux<ReminderLog.Run> runs(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "30") @Min(1) @Max(366) int limit) {
        return Access.require(actor, "read reminders", Role.MANAGER, Role.AUDITOR)
                .thenMany(log.runs(limit));
    }

    @GetMapping("/api/v1/reminders")
    Mono<ReminderLog.Day> ofDay(
            @AuthenticationPrincipal Actor actor,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) @Pattern(regexp = "OVERDUE|DUE_SOON") String kind,
            @RequestParam(required = false) UUID contractId) {
        return Access.require(actor, "read reminders", Role.MANAGER, Role.AUDITOR)
                .then(log.day(day, kind, contractId));
    }
}
