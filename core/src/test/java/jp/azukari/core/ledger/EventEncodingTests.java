package jp.azukari.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEncodingTests {

    static LedgerEvent event(String note) {
        return new LedgerEvent(
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                1,
                UUID.fromString("00000000-0000-0000-0000-000000000002"),
                UUID.fromString("00000000-0000-0000-0000-000000000003"),
                "REGISTERED",
                null,
                null,
                null,
                null,
                "棚 A",
                Instant.parse("2026-11-25T09:30:00.1234567Z"),
                null,
                null,
                null,
                null,
                null,
                null,
                note,
                EventEncoding.GENESIS,
                null);
    }

    @Test
    void theEncodingIsTheDocumentedText() {
        String text = new String(EventEncoding.encode(event("a\nnote:-")), StandardCharsets.UTF_8);
        assertThat(text)
                .isEqualTo(
                        """
                AZUKARI-EVENT-1
                asset_id:36:00000000-0000-0000-0000-000000000001
                seq:1:1
                id:36:00000000-0000-0000-0000-000000000002
                contract_id:36:00000000-0000-0000-0000-000000000003
                type:10:REGISTERED
                from_party_id:-
                to_party_id:-
                actor_user_id:-
                device_id:-
                location:5:棚 A
                occurred_at:27:2026-11-25T09:30:00.123456Z
                transfer_id:-
                approval_id:-
                incident_id:-
                scanned_payload:-
                refusal_code:-
                article:-
                note:8:a
                note:-
                """);
    }

    @Test
    void theHashChainsOntoThePreviousHashAndSurvivesAJsonRoundTrip() {
        LedgerEvent e = event("first");
        byte[] h = EventEncoding.hash(e);
        assertThat(h)
                .hasSize(32)
                .isNotEqualTo(EventEncoding.hash(new byte[32 - 1 + 1], event("second")));
        var sealed =
                new LedgerEvent(
                        e.assetId(),
                        e.seq(),
                        e.id(),
                        e.contractId(),
                        e.type(),
                        null,
                        null,
                        null,
                        null,
                        e.location(),
                        e.occurredAt(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        e.note(),
                        e.prevHash(),
                        h);
        LedgerEvent back = EventJson.read(EventJson.write(sealed));
        assertThat(EventEncoding.hash(back)).isEqualTo(h);
        Chain chain = new Chain(e.assetId());
        assertThat(chain.append(back)).isTrue();
        assertThat(chain.against(1, h, "head")).isNull();
        assertThat(chain.against(2, h, "head").reason())
                .isEqualTo("head is at 2 but the chain ends at 1");
    }
}
