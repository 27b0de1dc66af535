package jp.azukari.closeout;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import jp.azukari.custody.domain.ContractStatus;
import jp.azukari.custody.domain.Decision;
import jp.azukari.custody.domain.RefusalCode;

/**
 * Article 6 and 7 at a contract's close: what is still outstanding, in the order the agency must
 * chase it — what a subcontractor holds first (the contractor must recover it, art. 7), then what
 * the contractor holds, then what is in an open transfer, then losses whose incident is not closed.
 */
public final class CloseOutRules {

    public enum Reason {
        HELD_BY_SUBCONTRACTOR,
        HELD_BY_CONTRACTOR,
        IN_OPEN_TRANSFER,
        LOST_INCIDENT_NOT_CLOSED
    }

    /** An asset that keeps the contract from closing, and who has it. */
    public record Outstanding(
            UUID assetId,
            String tag,
            String title,
            String custodyState,
            UUID holderPartyId,
            String holderName,
            String holderKind,
            Reason reason,
            UUID openTransferId,
            String openTransferKind) {

        public String article() {
            return reason == Reason.HELD_BY_SUBCONTRACTOR ? "7" : "6";
        }

        public String detail() {
            return switch (reason) {
                case HELD_BY_SUBCONTRACTOR ->
                        "Held by subcontractor "
                                + holderName
                                + ": the contractor must recover it first";
                case HELD_BY_CONTRACTOR ->
                        "Held by "
                                + holderName
                                + ": not yet returned or disposed"
                                + (openTransferId == null
                                        ? ""
                                        : " ("
                                                + openTransferKind
                                                + " "
                                                + openTransferId
                                                + " still open)");
                case IN_OPEN_TRANSFER -> "In open " + openTransferKind + " " + openTransferId;
                case LOST_INCIDENT_NOT_CLOSED ->
                        "LOST while held by " + holderName + ": its incident is not closed";
            };
        }
    }

    private CloseOutRules() {}

    public static Reason reason(String custodyState, String holderKind, boolean inOpenTransfer) {
        return switch (custodyState) {
            case "WITH_SUBCONTRACTOR" -> Reason.HELD_BY_SUBCONTRACTOR;
            case "WITH_CONTRACTOR" -> Reason.HELD_BY_CONTRACTOR;
            case "LOST" -> Reason.LOST_INCIDENT_NOT_CLOSED;
            default -> {
                if (!inOpenTransfer) {
                    throw new IllegalArgumentException(
                            "A " + custodyState + " asset outside a transfer is not outstanding");
                }
                yield Reason.IN_OPEN_TRANSFER;
            }
        };
    }

    public static List<Outstanding> inChaseOrder(List<Outstanding> outstanding) {
        return outstanding.stream()
                .sorted(
                        Comparator.comparing(Outstanding::reason)
                                .thenComparing(Outstanding::holderName)
                                .thenComparing(Outstanding::tag))
                .toList();
    }

    /** Article 7 when a subcontractor still holds anything, else article 6. */
    public static String article(List<Outstanding> outstanding) {
        return outstanding.stream().anyMatch(o -> o.reason() == Reason.HELD_BY_SUBCONTRACTOR)
                ? "7"
                : "6";
    }

    /** Only an ACTIVE contract is marked COMPLETED (art. 6: then everything held is due). */
    public static Decision complete(String number, ContractStatus status) {
        return status == ContractStatus.ACTIVE
                ? Decision.ALLOWED
                : Decision.refused(
                        RefusalCode.CONTRACT_NOT_ACTIVE,
                        "Contract "
                                + number
                                + " is "
                                + status
                                + ": only an ACTIVE contract is marked COMPLETED");
    }

    /**
     * Only a COMPLETED contract is CLOSED (and then only with nothing outstanding: {@link
     * #article}).
     */
    public static Decision close(String number, ContractStatus status) {
        return status == ContractStatus.COMPLETED
                ? Decision.ALLOWED
                : Decision.refused(
                        RefusalCode.CONTRACT_NOT_COMPLETED,
                        "Contract "
                                + number
                                + " is "
                                + status
                                + ": only a COMPLETED contract can be CLOSED");
    }
}
