package org.posthorn.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Strict parsers for the text forms settings accept. */
final class ValueParsers {

    private ValueParsers() {
    }

    static int positiveInt(String text) {
        int value = Integer.parseInt(text);
        if (value <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return value;
    }

    static int port(String text) {
        int value = Integer.parseInt(text);
        if (value < 1 || value > 65535) {
            throw new IllegalArgumentException("not a TCP port");
        }
        return value;
    }

    /** A size in octets: {@code 26214400}, {@code 512k}, {@code 25m}, {@code 1g} (binary multiples). */
    static long size(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1024L : last == 'm' ? 1024L * 1024 : 1024L * 1024 * 1024;
            t = t.substring(0, t.length() - 1);
        }
        long value = Math.multiplyExact(Long.parseLong(t), unit);
        if (value <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return value;
    }

    /** A duration: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 4h}, {@code 5d}, or ISO-8601 {@code PT5M}. */
    static Duration duration(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("unit must be ms, s, m, h or d");
        };
    }

    /** A comma-separated list of at least one positive {@link #duration}, e.g. {@code 1m,5m,15m,1h,4h}. */
    static List<Duration> durations(String text) {
        List<Duration> durations = new ArrayList<>();
        for (String part : text.split(",")) {
            Duration duration = duration(part.trim());
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("durations must be positive");
            }
            durations.add(duration);
        }
        return List.copyOf(durations);
    }
}
