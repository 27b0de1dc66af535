package jp.azukari.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.TransferView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Closing a transfer whose remaining lines never arrived: they become MISSING and a LOSS incident
 * is opened for them (SPEC §4), both in one transaction.
 */
@RestController
class MissingLinesController {

    record CloseMissingRequest(@Size(max = 2000) String reason) {}

    record ClosedTransfer(TransferView transfer, IncidentView incident) {}

    private final MissingLines missingLines;

    MissingLinesController(MissingLines missingLines) {
        this.missingLines = missingLines;
    }

    @PostMapping("/api/v1/transfers/{id}/close-missing")
    Mono<ClosedTransfer> closeMissing(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) CloseMissingRequest body) {
        return missingLines
                .close(actor, id, body == null ? null : body.reason())
                .map(r -> new ClosedTransfer(r.transfer(), r.incident()));
    }
}
