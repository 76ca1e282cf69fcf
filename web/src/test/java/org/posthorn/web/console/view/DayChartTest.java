package org.posthorn.web.console.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.admin.DayCount;

class DayChartTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Test
    void theLargestCountOfEitherSeriesFillsThePlotAndOthersScale() {
        DayChart chart = DayChart.of(counts(10, 5, 0), counts(2, 20, 0));
        assertThat(chart.days()).extracting(d -> d.received().height()).containsExactly(50, 25, 0);
        assertThat(chart.days()).extracting(d -> d.sent().height()).containsExactly(10, 100, 0);
        assertThat(chart.days()).extracting(DayChart.Day::label).containsExactly("Mon", "Tue", "Wed");
        assertThat(chart.days().get(1).sent().y()).isEqualTo(chart.baseline() - 100);
        assertThat(chart.days().get(2).received().y()).isEqualTo(chart.baseline());
        assertThat(chart.receivedTotal()).isEqualTo(15);
        assertThat(chart.sentTotal()).isEqualTo(22);
    }

    @Test
    void aSmallDayBesideABusyOneStillShows() {
        DayChart chart = DayChart.of(counts(10_000, 0), counts(0, 1));
        assertThat(chart.days().get(1).sent().height()).isEqualTo(1);
        assertThat(chart.days().get(1).received().height()).isZero();
    }

    @Test
    void aWeekWithoutMailDrawsNoBars() {
        DayChart chart = DayChart.of(counts(0, 0), counts(0, 0));
        assertThat(chart.days()).extracting(d -> d.received().height() + d.sent().height()).containsOnly(0);
    }

    @Test
    void barsDoNotOverlapAndFitTheWidth() {
        long[] week = IntStream.range(0, 7).mapToLong(i -> i).toArray();
        DayChart chart = DayChart.of(counts(week), counts(week));
        DayChart.Bar previous = null;
        for (DayChart.Day day : chart.days()) {
            for (DayChart.Bar bar : List.of(day.received(), day.sent())) {
                if (previous != null) {
                    assertThat(bar.x()).isGreaterThan(previous.x() + previous.width());
                }
                previous = bar;
            }
        }
        assertThat(previous.x() + previous.width()).isLessThanOrEqualTo(chart.width());
    }

    @Test
    void theTwoSeriesMustCoverTheSameDays() {
        assertThatThrownBy(() -> DayChart.of(counts(1, 2), counts(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DayChart.of(counts(1), List.of(new DayCount(MONDAY.plusDays(1), 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<DayCount> counts(long... perDay) {
        return IntStream.range(0, perDay.length).mapToObj(i -> new DayCount(MONDAY.plusDays(i), perDay[i])).toList();
    }
}
