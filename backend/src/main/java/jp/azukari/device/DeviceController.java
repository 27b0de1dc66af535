package jp.azukari.device;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import jp.azukari.common.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class DeviceController {

    record DeviceRequest(
            UUID ownerPartyId,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String identifier,
            @NotBlank @Size(max = 1000) String purpose,
            @NotBlank @Size(max = 200) String network,
            @NotNull UUID approvalId,
            @NotNull LocalDate validUntil) {}

    record ChangeRequest(@NotBlank @Size(max = 2000) String reason) {}

    private final DeviceService devices;

    DeviceController(DeviceService devices) {
        this.devices = devices;
    }

    @PostMapping("/api/v1/contracts/{contractId}/devices")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<DeviceView> register(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID contractId,
            @Valid @RequestBody DeviceRequest b) {
        return devices.register(
                actor,
                contractId,
                new DeviceService.NewDevice(
                        b.ownerPartyId(),
                        b.name().strip(),
                        b.identifier(),
                        b.purpose().strip(),
                        b.network().strip(),
                        b.approvalId(),
                        b.validUntil()));
    }

    @GetMapping("/api/v1/devices")
    Flux<DeviceView> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID contractId,
            @RequestParam(defaultValue = "false") boolean overdue) {
        return devices.list(actor, contractId, overdue);
    }

    @GetMapping("/api/v1/devices/{id}")
    Mono<DeviceView> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return devices.find(actor, id);
    }

    @PostMapping("/api/v1/devices/{id}/suspend")
    Mono<DeviceView> suspend(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @Valid @RequestBody ChangeRequest b) {
        return devices.change(actor, id, DeviceRules.Change.SUSPEND, b.reason().strip());
    }

    @PostMapping("/api/v1/devices/{id}/resume")
    Mono<DeviceView> resume(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @Valid @RequestBody ChangeRequest b) {
        return devices.change(actor, id, DeviceRules.Change.RESUME, b.reason().strip());
    }

    @PostMapping("/api/v1/devices/{id}/disconnect")
    Mono<DeviceView> disconnect(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @Valid @RequestBody ChangeRequest b) {
        return devices.change(actor, id, DeviceRules.Change.DISCONNECT, b.reason().strip());
    }

    /**
     * The connection check the agency's network (or its staff) asks before letting the device on.
     */
    @PostMapping("/api/v1/devices/{id}/check")
    Mono<DeviceService.Check> check(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return devices.check(actor, id);
    }
}
