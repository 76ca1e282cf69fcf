package org.posthorn.web.console.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes in octets as people read and type them, in binary units (1 KB = 1024 bytes, as mail clients
 * and quota tools count): {@code 0 bytes}, {@code 512 bytes}, {@code 1.5 KB}, {@code 20 MB}, {@code 2 GB}.
 */
public final class ByteSizes {

    private static final String[] UNITS = {"bytes", "KB", "MB", "GB", "TB"};
    private static final Pattern TYPED = Pattern.compile(
            "\\s*(\\d+(?:[.,]\\d+)?)\\s*(b|bytes?|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?\\s*", Pattern.CASE_INSENSITIVE);

    private ByteSizes() {
    }

    /** The size for display, with at most one decimal and the largest unit under which it is at least 1. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.toPlainString() + " " + UNITS[unit];
    }

    /**
     * A size typed by an administrator: a number, optionally with a decimal part, and a unit
     * ({@code bytes}, {@code KB}, {@code MB}, {@code GB}, {@code TB}; case and a trailing {@code iB} do
     * not matter; no unit means MB, what quotas are usually given in). Blank means no size (null).
     *
     * @throws IllegalArgumentException with a message for the administrator
     */
    public static Long parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        Matcher matcher = TYPED.matcher(typed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + typed.strip() + "' is not a size such as 500 MB or 2 GB");
        }
        BigDecimal number = new BigDecimal(matcher.group(1).replace(',', '.'));
        String unit = matcher.group(2) == null ? "m" : matcher.group(2).toLowerCase(Locale.ROOT);
        int power = switch (unit.charAt(0)) {
            case 'k' -> 1;
            case 'm' -> 2;
            case 'g' -> 3;
            case 't' -> 4;
            default -> 0;
        };
        BigDecimal bytes = number.multiply(BigDecimal.valueOf(1024).pow(power)).setScale(0, RoundingMode.HALF_UP);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + typed.strip() + "' is too large");
        }
        return bytes.longValueExact();
    }
}
