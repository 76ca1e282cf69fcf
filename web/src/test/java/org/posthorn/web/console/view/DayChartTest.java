package org.posthorn.web.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.admin.DayCount;

class DayChartTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Test
    void theBusiestDayFillsThePlotAndOthersScale() {
        DayChart chart = DayChart.of(List.of(new DayCount(MONDAY, 10), new DayCount(MONDAY.plusDays(1), 5),
                new DayCount(MONDAY.plusDays(2), 0)));
        assertThat(chart.bars()).extracting(DayChart.Bar::height).containsExactly(100, 50, 0);
        assertThat(chart.bars()).extracting(DayChart.Bar::label).containsExactly("Mon", "Tue", "Wed");
        assertThat(chart.bars().get(0).y()).isEqualTo(chart.baseline() - 100);
        assertThat(chart.bars().get(2).y()).isEqualTo(chart.baseline());
        assertThat(chart.total()).isEqualTo(15);
    }

    @Test
    void aSmallDayBesideABusyOneStillShows() {
        DayChart chart = DayChart.of(List.of(new DayCount(MONDAY, 10_000), new DayCount(MONDAY.plusDays(1), 1)));
        assertThat(chart.bars().get(1).height()).isEqualTo(1);
    }

    @Test
    void aWeekWithoutMailDrawsNoBars() {
        DayChart chart = DayChart.of(List.of(new DayCount(MONDAY, 0), new DayCount(MONDAY.plusDays(1), 0)));
        assertThat(chart.bars()).extracting(DayChart.Bar::height).containsOnly(0);
    }

    @Test
    void barsDoNotOverlapAndFitTheWidth() {
        DayChart chart = DayChart.of(java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> new DayCount(MONDAY.plusDays(i), i)).toList());
        for (int i = 1; i < 7; i++) {
            DayChart.Bar previous = chart.bars().get(i - 1);
            assertThat(chart.bars().get(i).x()).isGreaterThan(previous.x() + previous.width());
        }
        DayChart.Bar last = chart.bars().get(6);
        assertThat(last.x() + last.width()).isLessThanOrEqualTo(chart.width());
    }
}
