package org.posthorn.web.console.view;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.posthorn.ejb.admin.DayCount;

/**
 * The geometry of the dashboard's bar chart of messages received and sent per day, drawn as inline
 * SVG: per day a pair of bars side by side (received, then sent), all heights scaled to the largest
 * count of either series, the day's name under the pair and each count above its bar.
 *
 * @param days   one per day, oldest first
 * @param width  of the drawing, in SVG user units
 * @param height of the drawing, labels included
 */
public record DayChart(List<Day> days, int width, int height) {

    static final int BAR_WIDTH = 18;
    static final int PAIR_GAP = 2;
    static final int DAY_GAP = 14;
    static final int PLOT_HEIGHT = 100;
    static final int TOP = 18;
    static final int LABEL_SPACE = 20;

    /**
     * One bar.
     *
     * @param x      left edge
     * @param y      top edge
     * @param height of the bar; at least 1 for a count above 0, so it shows
     * @param count  messages
     */
    public record Bar(int x, int y, int height, long count) {

        public int textX() {
            return x + BAR_WIDTH / 2;
        }

        public int countY() {
            return y - 4;
        }

        public int width() {
            return BAR_WIDTH;
        }
    }

    /**
     * One day's pair of bars.
     *
     * @param day      the date, for the tooltip
     * @param label    the day's short name, for example {@code Mon}
     * @param received messages delivered to local mailboxes
     * @param sent     messages submitted by authenticated clients
     */
    public record Day(LocalDate day, String label, Bar received, Bar sent) {

        public int labelX() {
            return received.x() + BAR_WIDTH + PAIR_GAP / 2;
        }

        public int labelY() {
            return TOP + PLOT_HEIGHT + 15;
        }
    }

    /**
     * @param received per day, oldest first
     * @param sent     per day, the same days in the same order
     */
    public static DayChart of(List<DayCount> received, List<DayCount> sent) {
        if (received.size() != sent.size()) {
            throw new IllegalArgumentException("the two series must cover the same days");
        }
        long max = Math.max(maxOf(received), maxOf(sent));
        List<Day> days = new ArrayList<>(received.size());
        int x = DAY_GAP / 2;
        for (int i = 0; i < received.size(); i++) {
            DayCount in = received.get(i);
            if (!in.day().equals(sent.get(i).day())) {
                throw new IllegalArgumentException("the two series must cover the same days");
            }
            days.add(new Day(in.day(), in.day().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                    bar(x, in.messages(), max), bar(x + BAR_WIDTH + PAIR_GAP, sent.get(i).messages(), max)));
            x += 2 * BAR_WIDTH + PAIR_GAP + DAY_GAP;
        }
        return new DayChart(List.copyOf(days), Math.max(x - DAY_GAP / 2, 1), TOP + PLOT_HEIGHT + LABEL_SPACE);
    }

    private static Bar bar(int x, long count, long max) {
        int height = max == 0 ? 0 : (int) Math.max(count > 0 ? 1 : 0, Math.round((double) count * PLOT_HEIGHT / max));
        return new Bar(x, TOP + PLOT_HEIGHT - height, height, count);
    }

    private static long maxOf(List<DayCount> days) {
        return days.stream().mapToLong(DayCount::messages).max().orElse(0);
    }

    /** The y of the base line. */
    public int baseline() {
        return TOP + PLOT_HEIGHT;
    }

    /** Messages received over all days. */
    public long receivedTotal() {
        return days.stream().mapToLong(d -> d.received().count()).sum();
    }

    /** Messages sent over all days. */
    public long sentTotal() {
        return days.stream().mapToLong(d -> d.sent().count()).sum();
    }
}
