package jp.azukari.device;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Art. 5: whether a registered device may be connected today, and how its standing may change.
 * Pure.
 */
public final class DeviceRules {

    public enum Status {
        ACTIVE,
        SUSPENDED,
        DISCONNECTED
    }

    public enum Change {
        SUSPEND,
        RESUME,
        DISCONNECT
    }

    /** A refusal: the problem's {@code code}, its HTTP status and why. */
    public record Refusal(String code, int status, String detail) {}

    private DeviceRules() {}

    /** A device may connect while ACTIVE, under an APPROVED approval, neither expired. */
    public static Optional<Refusal> mayConnect(
            Status status,
            LocalDate validUntil,
            String approvalStatus,
            LocalDate approvalValidUntil,
            LocalDate today) {
        if (status == Status.DISCONNECTED) {
            return Optional.of(
                    new Refusal("DEVICE_DISCONNECTED", 403, "The agency disconnected this device"));
        }
        if (status == Status.SUSPENDED) {
            return Optional.of(
                    new Refusal("DEVICE_SUSPENDED", 403, "The agency suspended this device"));
        }
        if (!"APPROVED".equals(approvalStatus)) {
            return Optional.of(
                    new Refusal(
                            "DEVICE_NOT_APPROVED",
                            403,
                            "The device's NETWORK_CONNECTION approval is " + approvalStatus));
        }
        LocalDate until = effectiveUntil(validUntil, approvalValidUntil);
        if (today.isAfter(until)) {
            return Optional.of(
                    new Refusal(
                            "DEVICE_APPROVAL_EXPIRED",
                            403,
                            "The device's connection approval ended on " + until));
        }
        return Optional.empty();
    }

    /** The earlier of the device's own end and its approval's. */
    public static LocalDate effectiveUntil(LocalDate validUntil, LocalDate approvalValidUntil) {
        return approvalValidUntil != null && approvalValidUntil.isBefore(validUntil)
                ? approvalValidUntil
                : validUntil;
    }

    /** The status a change leads to, or empty when it does not apply to this status. */
    public static Optional<Status> apply(Status from, Change change) {
        return switch (change) {
            case SUSPEND ->
                    from == Status.ACTIVE ? Optional.of(Status.SUSPENDED) : Optional.empty();
            case RESUME -> from == Status.SUSPENDED ? Optional.of(Status.ACTIVE) : Optional.empty();
            case DISCONNECT ->
                    from == Status.DISCONNECTED
                            ? Optional.empty()
                            : Optional.of(Status.DISCONNECTED);
        };
    }

    /** Whether a NETWORK_CONNECTION approval lets a device be registered today. */
    public static Optional<Refusal> mayRegister(
            String approvalKind,
            String approvalStatus,
            LocalDate approvalValidUntil,
            LocalDate deviceValidUntil,
            LocalDate today) {
        if (!"NETWORK_CONNECTION".equals(approvalKind) || !"APPROVED".equals(approvalStatus)) {
            return Optional.of(
                    new Refusal(
                            "DEVICE_NOT_APPROVED",
                            403,
                            "A device is registered under an APPROVED NETWORK_CONNECTION approval of its contract"));
        }
        if (today.isAfter(approvalValidUntil)) {
            return Optional.of(
                    new Refusal(
                            "DEVICE_APPROVAL_EXPIRED",
                            403,
                            "The NETWORK_CONNECTION approval ended on " + approvalValidUntil));
        }
        if (deviceValidUntil.isAfter(approvalValidUntil)) {
            return Optional.of(
                    new Refusal(
                            "DEVICE_OUTLASTS_APPROVAL",
                            400,
                            "validUntil "
                                    + deviceValidUntil
                                    + " is after the approval's end "
                                    + approvalValidUntil));
        }
        if (deviceValidUntil.isBefore(today)) {
            return Optional.of(
                    new Refusal(
                            "DEVICE_APPROVAL_EXPIRED",
                            400,
                            "validUntil " + deviceValidUntil + " is in the past"));
        }
        return Optional.empty();
    }
}
