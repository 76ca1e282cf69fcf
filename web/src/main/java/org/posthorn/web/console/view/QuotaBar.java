package org.posthorn.web.console.view;

import java.io.Serializable;

/**
 * How full an account is, for a bar: the share of the quota used, in whole percent capped at 100,
 * and a level for its colour. Without a quota there is no bar, only the size used.
 *
 * @param usedBytes  octets the account's mail takes
 * @param quotaBytes its quota, null for none
 */
public record QuotaBar(long usedBytes, Long quotaBytes) implements Serializable {

    /** From this share on, the bar warns. */
    public static final int WARN_PERCENT = 80;
    /** From this share on, the account is (nearly) full. */
    public static final int FULL_PERCENT = 95;

    public boolean limited() {
        return quotaBytes != null && quotaBytes > 0;
    }

    /** The share used, 0 to 100, rounded up so that any use shows; 0 without a quota. */
    public int percent() {
        if (!limited() || usedBytes <= 0) {
            return 0;
        }
        if (usedBytes >= quotaBytes) {
            return 100;
        }
        // Exact in long arithmetic for any quota below about 92 PB; beyond that double is close enough.
        long hundredths = quotaBytes < Long.MAX_VALUE / 100 ? (usedBytes * 100 + quotaBytes - 1) / quotaBytes
                : (long) Math.ceil(usedBytes * 100.0 / quotaBytes);
        return (int) Math.min(100, Math.max(1, hundredths));
    }

    /** {@code ok}, {@code warn} or {@code full}: the CSS class of the bar. */
    public String level() {
        int percent = percent();
        return percent >= FULL_PERCENT ? "full" : percent >= WARN_PERCENT ? "warn" : "ok";
    }

    /** For example {@code 1.5 MB of 100 MB (2%)}, or {@code 1.5 MB (no quota)}. */
    public String text() {
        if (!limited()) {
            return ByteSizes.format(usedBytes) + " (no quota)";
        }
        return ByteSizes.format(usedBytes) + " of " + ByteSizes.format(quotaBytes) + " (" + percent() + "%)";
    }
}
