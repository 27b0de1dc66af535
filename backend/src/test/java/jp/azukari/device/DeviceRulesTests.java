package jp.azukari.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeviceRulesTests {

    static final LocalDate TODAY = LocalDate.of(2032, 3, 10);

    @Test
    void
            an_active_device_connects_through_the_last_day_of_the_earlier_of_its_and_its_approvals_end() {
        assertThat(
                        DeviceRules.mayConnect(
                                DeviceRules.Status.ACTIVE,
                                TODAY.plusDays(5),
                                "APPROVED",
                                TODAY,
                                TODAY))
                .isEmpty();
        assertThat(
                        DeviceRules.mayConnect(
                                DeviceRules.Status.ACTIVE,
                                TODAY.plusDays(5),
                                "APPROVED",
                                TODAY.minusDays(1),
                                TODAY))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("DEVICE_APPROVAL_EXPIRED"));
    }

    @Test
    void suspended_and_disconnected_devices_are_refused_before_any_date_is_looked_at() {
        assertThat(
                        DeviceRules.mayConnect(
                                        DeviceRules.Status.SUSPENDED,
                                        TODAY,
                                        "APPROVED",
                                        TODAY,
                                        TODAY)
                                .get()
                                .code())
                .isEqualTo("DEVICE_SUSPENDED");
        assertThat(
                        DeviceRules.mayConnect(
                                        DeviceRules.Status.DISCONNECTED,
                                        TODAY,
                                        "REJECTED",
                                        TODAY,
                                        TODAY)
                                .get()
                                .code())
                .isEqualTo("DEVICE_DISCONNECTED");
    }

    @Test
    void disconnection_is_final_and_only_a_suspended_device_resumes() {
        assertThat(DeviceRules.apply(DeviceRules.Status.ACTIVE, DeviceRules.Change.SUSPEND))
                .contains(DeviceRules.Status.SUSPENDED);
        assertThat(DeviceRules.apply(DeviceRules.Status.ACTIVE, DeviceRules.Change.RESUME))
                .isEmpty();
        assertThat(DeviceRules.apply(DeviceRules.Status.SUSPENDED, DeviceRules.Change.DISCONNECT))
                .contains(DeviceRules.Status.DISCONNECTED);
        assertThat(DeviceRules.apply(DeviceRules.Status.DISCONNECTED, DeviceRules.Change.RESUME))
                .isEmpty();
        assertThat(
                        DeviceRules.apply(
                                DeviceRules.Status.DISCONNECTED, DeviceRules.Change.DISCONNECT))
                .isEmpty();
    }

    @Test
    void
            a_device_is_registered_only_under_an_approved_unexpired_network_approval_it_does_not_outlast() {
        assertThat(
                        DeviceRules.mayRegister(
                                "NETWORK_CONNECTION",
                                "APPROVED",
                                TODAY.plusDays(9),
                                TODAY.plusDays(9),
                                TODAY))
                .isEmpty();
        assertThat(
                        DeviceRules.mayRegister(
                                        "TAKE_OUT", "APPROVED", TODAY.plusDays(9), TODAY, TODAY)
                                .get()
                                .code())
                .isEqualTo("DEVICE_NOT_APPROVED");
        assertThat(
                        DeviceRules.mayRegister(
                                        "NETWORK_CONNECTION",
                                        "PENDING",
                                        TODAY.plusDays(9),
                                        TODAY,
                                        TODAY)
                                .get()
                                .code())
                .isEqualTo("DEVICE_NOT_APPROVED");
        assertThat(
                        DeviceRules.mayRegister(
                                        "NETWORK_CONNECTION",
                                        "APPROVED",
                                        TODAY.minusDays(1),
                                        TODAY.minusDays(1),
                                        TODAY)
                                .get()
                                .code())
                .isEqualTo("DEVICE_APPROVAL_EXPIRED");
        assertThat(
                        DeviceRules.mayRegister(
                                        "NETWORK_CONNECTION",
                                        "APPROVED",
                                        TODAY.plusDays(9),
                                        TODAY.plusDays(10),
                                        TODAY)
                                .get()
                                .code())
                .isEqualTo("DEVICE_OUTLASTS_APPROVAL");
    }
}
