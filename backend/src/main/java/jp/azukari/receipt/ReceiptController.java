package jp.azukari.receipt;

import java.util.UUID;
import jp.azukari.common.Actor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class ReceiptController {

    private final ReceiptService receipts;

    ReceiptController(ReceiptService receipts) {
        this.receipts = receipts;
    }

    @GetMapping(
            value = "/api/v1/transfers/{id}/receipt.pdf",
            produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<ResponseEntity<byte[]>> receipt(
            @AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return receipts.pdf(actor, id).map(pdf -> file(pdf, id));
    }

    static ResponseEntity<byte[]> file(byte[] pdf, UUID id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"receipt-" + id + ".pdf\"")
                .body(pdf);
    }
}
