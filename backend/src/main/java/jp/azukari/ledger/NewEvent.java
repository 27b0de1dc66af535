package jp.azukari.ledger;

import java.time.Instant;
import java.util.UUID;

/** An event about to be appended: everything but its place in the chain. */
public record NewEvent(
        UUID assetId,
        UUID contractId,
        EventType type,
        UUID fromPartyId,
        UUID toPartyId,
        UUID actorUserId,
        String deviceId,
        String location,
        Instant occurredAt,
        UUID transferId,
        UUID approvalId,
        UUID incidentId,
        String scannedPayload,
        String refusalCode,
        String article,
        String note) {

    public static Builder of(
            UUID assetId, UUID contractId, EventType type, UUID actorUserId, Instant at) {
        return new Builder(assetId, contractId, type, actorUserId, at);
    }

    /**
     * Fills the optional parts of an event without a twelve-argument constructor call at every
     * site.
     */
    public static final class Builder {
        private final UUID assetId;
        private final UUID contractId;
        private final EventType type;
        private final UUID actorUserId;
        private final Instant occurredAt;
        private UUID from;
        private UUID to;
        private String deviceId;
        private String location;
        private UUID transferId;
        private UUID approvalId;
        private UUID incidentId;
        private String scannedPayload;
        private String refusalCode;
        private String article;
        private String note;

        private Builder(
                UUID assetId,
                UUID contractId,
                EventType type,
                UUID actorUserId,
                Instant occurredAt) {
            this.assetId = assetId;
            this.contractId = contractId;
            this.type = type;
            this.actorUserId = actorUserId;
            this.occurredAt = occurredAt;
        }

        public Builder parties(UUID from, UUID to) {
            this.from = from;
            this.to = to;
            return this;
        }

        public Builder device(String deviceId, String location) {
            this.deviceId = deviceId;
            this.location = location;
            return this;
        }

        public Builder transfer(UUID transferId) {
            this.transferId = transferId;
            return this;
        }

        public Builder approval(UUID approvalId) {
            this.approvalId = approvalId;
            return this;
        }

        public Builder incident(UUID incidentId) {
            this.incidentId = incidentId;
            return this;
        }

        public Builder scanned(String payload) {
            this.scannedPayload = payload;
            return this;
        }

        public Builder refusal(String code, String article) {
            this.refusalCode = code;
            this.article = article;
            return this;
        }

        public Builder note(String note) {
            this.note = note;
            return this;
        }

        public NewEvent build() {
            return new NewEvent(
                    assetId,
                    contractId,
                    type,
                    from,
                    to,
                    actorUserId,
                    deviceId,
                    location,
                    occurredAt,
                    transferId,
                    approvalId,
                    incidentId,
                    scannedPayload,
                    refusalCode,
                    article,
                    note);
        }
    }
}
