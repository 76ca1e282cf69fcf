package org.posthorn.web.console.view;

import java.time.Duration;

/** Durations as people read them: {@code 3 d 4 h}, {@code 5 h 12 min}, {@code 42 s}. */
public final class Durations {

    private Durations() {
    }

    /** The two largest non-zero units, or seconds for less than a minute. */
    public static String format(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        if (minutes > 0) {
            return minutes + " min";
        }
        return seconds + " s";
    }
}
