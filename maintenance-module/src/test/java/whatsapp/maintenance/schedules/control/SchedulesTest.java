package whatsapp.maintenance.schedules.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchedulesTest {

    @Test
    void offSwitchesTheTimerOff() {
        assertThat(Schedules.parse("off")).isEmpty();
        assertThat(Schedules.parse(" OFF ")).isEmpty();
    }

    @Test
    void hourlyMeansEveryHourNotOnlyHourZero() {
        var at = Schedules.parse("minute=0;hour=*").orElseThrow();
        assertThat(at.getMinute()).isEqualTo("0");
        assertThat(at.getHour()).isEqualTo("*");
        assertThat(at.getSecond()).isEqualTo("0");
    }

    @Test
    void aMinuteStepAloneRunsAllDay() {
        var at = Schedules.parse("minute=*/5").orElseThrow();
        assertThat(at.getMinute()).isEqualTo("*/5");
        assertThat(at.getHour()).isEqualTo("*");
        assertThat(at.getDayOfWeek()).isEqualTo("*");
    }

    @Test
    void typosFailInsteadOfSilentlySwitchingOff() {
        assertThatThrownBy(() -> Schedules.parse("minutes=5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Schedules.parse("hourly")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Schedules.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
