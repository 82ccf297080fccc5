package whatsapp.integrations.cache.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutingTtlTest {

    @Test
    void theDefaultsAlreadyCoverThreeSweeps() {
        assertThat(RoutingTtl.longestGap("minute=*/5;hour=*")).contains(Duration.ofMinutes(5));
        assertThat(RoutingTtl.of(Duration.ofMinutes(60), "minute=*/5;hour=*")).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void aTtlShorterThanThreeSweepIntervalsIsRaised() {
        assertThat(RoutingTtl.of(Duration.ofMinutes(10), "minute=*/5;hour=*")).isEqualTo(Duration.ofMinutes(15));
        assertThat(RoutingTtl.of(Duration.ofMinutes(60), "minute=0;hour=*")).as("hourly").isEqualTo(Duration.ofHours(3));
    }

    @Test
    void theLongestGapCountsAndAcrossMidnight() {
        assertThat(RoutingTtl.longestGap("minute=0,10,40;hour=*")).contains(Duration.ofMinutes(30));
        assertThat(RoutingTtl.longestGap("minute=0;hour=8-18")).as("overnight").contains(Duration.ofHours(14));
        assertThat(RoutingTtl.longestGap("minute=15/20;hour=*")).contains(Duration.ofMinutes(20));
        assertThat(RoutingTtl.longestGap("hour=*")).as("minute defaults to 0").contains(Duration.ofHours(1));
    }

    @Test
    void aScheduleWithoutADerivableGapKeepsTheConfiguredTtl() {
        for (var schedule : new String[]{"off", "minute=0;hour=3;dayOfWeek=Mon", "second=*/10;minute=*", "minute=x"}) {
            assertThat(RoutingTtl.longestGap(schedule)).as(schedule).isEmpty();
            assertThat(RoutingTtl.of(Duration.ofSeconds(15), schedule)).as(schedule).isEqualTo(Duration.ofSeconds(15));
        }
    }

    @Test
    void secondsWinOverMinutesWhenSet() {
        assertThat(RoutingTtl.configured(Optional.of(15L), 60)).isEqualTo(Duration.ofSeconds(15));
        assertThat(RoutingTtl.configured(Optional.empty(), 60)).isEqualTo(Duration.ofMinutes(60));
    }
}
