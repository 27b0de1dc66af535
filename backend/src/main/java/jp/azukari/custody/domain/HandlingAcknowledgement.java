package jp.azukari.custody.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Art. 2.2: the receiving custodian's acknowledgement of the handling requirements of what it takes
 * custody of — a plain "acknowledged", or the digest of the transfer's requirements it was shown
 * ({@code GET /api/v1/transfers/{id}/handling}), which also proves the acknowledgement is for this
 * transfer. Pure.
 */
public record HandlingAcknowledgement(boolean acknowledged, String digest) {

    public static final HandlingAcknowledgement NONE = new HandlingAcknowledgement(false, null);
    public static final HandlingAcknowledgement ACKNOWLEDGED =
            new HandlingAcknowledgement(true, null);

    public HandlingAcknowledgement {
        digest =
                digest == null || digest.isBlank() ? null : digest.strip().toLowerCase(Locale.ROOT);
        acknowledged = acknowledged || digest != null;
    }

    public static HandlingAcknowledgement of(Boolean acknowledged, String digest) {
        return new HandlingAcknowledgement(Boolean.TRUE.equals(acknowledged), digest);
    }

    /**
     * Whether a line whose asset carries these requirements may be confirmed with this
     * acknowledgement, on a transfer whose requirements' digest is {@code transferDigest} (null
     * when not computed: no digest was given). A digest of another transfer (or of requirements
     * since changed) is refused even for an asset without any.
     */
    public Optional<Refusal> check(String requirements, String transferDigest) {
        if (digest != null && !digest.equals(transferDigest)) {
            return Optional.of(Refusal.of(RefusalCode.HANDLING_ACK_MISMATCH));
        }
        if (requirements != null && !requirements.isBlank() && !acknowledged) {
            return Optional.of(Refusal.of(RefusalCode.HANDLING_NOT_ACKNOWLEDGED));
        }
        return Optional.empty();
    }

    /**
     * The ledger note of a confirmation that acknowledged these requirements; null when the asset
     * has none.
     */
    public String note(String requirements) {
        if (requirements == null || requirements.isBlank() || !acknowledged) {
            return null;
        }
        return "handling acknowledged: "
                + requirements.strip()
                + (digest == null ? "" : " (sha256 " + digest + ")");
    }
}
