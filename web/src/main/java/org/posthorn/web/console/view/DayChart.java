package org.posthorn.web.console.view;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.posthorn.ejb.admin.DayCount;

/**
 * The geometry of the dashboard's bar chart of messages per day, drawn as inline SVG: one bar per
 * day, heights scaled to the busiest day, a label under each and the count above it.
 *
 * @param bars   one per day, oldest first
 * @param width  of the drawing, in SVG user units
 * @param height of the drawing, labels included
 */
public record DayChart(List<Bar> bars, int width, int height) {

    static final int BAR_WIDTH = 28;
    static final int GAP = 12;
    static final int PLOT_HEIGHT = 100;
    static final int TOP = 18;
    static final int LABEL_SPACE = 20;

    /**
     * One bar.
     *
     * @param x       left edge
     * @param y       top edge
     * @param height  of the bar; at least 1 for a day with mail, so it shows
     * @param count   messages that day
     * @param label   the day's short name, for example {@code Mon}
     * @param day     the date, for the tooltip
     */
    public record Bar(int x, int y, int height, long count, String label, LocalDate day) {

        public int textX() {
            return x + BAR_WIDTH / 2;
        }

        public int countY() {
            return y - 4;
        }

        public int labelY() {
            return TOP + PLOT_HEIGHT + 15;
        }

        public int width() {
            return BAR_WIDTH;
        }
    }

    public static DayChart of(List<DayCount> days) {
        long max = days.stream().mapToLong(DayCount::messages).max().orElse(0);
        List<Bar> bars = new ArrayList<>(days.size());
        int x = GAP / 2;
        for (DayCount day : days) {
            int height = max == 0 ? 0 : (int) Math.max(day.messages() > 0 ? 1 : 0,
                    Math.round((double) day.messages() * PLOT_HEIGHT / max));
            bars.add(new Bar(x, TOP + PLOT_HEIGHT - height, height, day.messages(),
                    day.day().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), day.day()));
            x += BAR_WIDTH + GAP;
        }
        return new DayChart(List.copyOf(bars), Math.max(x - GAP / 2, 1), TOP + PLOT_HEIGHT + LABEL_SPACE);
    }

    /** The y of the base line. */
    public int baseline() {
        return TOP + PLOT_HEIGHT;
    }

    /** The total over all days. */
    public long total() {
        return bars.stream().mapToLong(Bar::count).sum();
    }
}
