package jp.azukari.receipt;

import jp.azukari.custody.TransferService;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class ReceiptConfiguration {

    @Bean
    ReceiptService receiptService(
            DatabaseClient db, TransferService transfers, AgencyTimeZone zone) {
        return new ReceiptService(db, transfers, new ReceiptPdf(zone::zone));
    }
}
