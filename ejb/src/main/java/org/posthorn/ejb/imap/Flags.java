package org.posthorn.ejb.imap;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.posthorn.ejb.store.SystemFlag;

/**
 * Flag names as the SPI passes them (RFC 3501 §2.3.2): system flags by their backslashed names,
 * matched case-insensitively; anything without a backslash is a keyword. {@code \Recent} belongs to
 * sessions and is never stored; other backslashed names are not flags we keep and are ignored.
 */
final class Flags {

    private Flags() {
    }

    /** The system flags among the names. */
    static Set<SystemFlag> systemFlags(Set<String> names) {
        Set<SystemFlag> flags = EnumSet.noneOf(SystemFlag.class);
        for (String name : names) {
            systemFlag(name).ifPresent(flags::add);
        }
        return flags;
    }

    static java.util.Optional<SystemFlag> systemFlag(String name) {
        for (SystemFlag flag : SystemFlag.values()) {
            if (flag.imapName().equalsIgnoreCase(name)) {
                return java.util.Optional.of(flag);
            }
        }
        return java.util.Optional.empty();
    }

    /** The keywords among the names, one per case-insensitive spelling (the first given wins). */
    static Set<String> keywords(Set<String> names) {
        TreeMap<String, String> byLower = new TreeMap<>();
        for (String name : names) {
            if (!name.startsWith("\\") && !name.isEmpty()) {
                byLower.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        return new LinkedHashSet<>(byLower.values());
    }

    /** The names of stored flags, as {@link org.posthorn.spi.imap.MessageState#flags()} reports them. */
    static Set<String> names(int bits, Set<String> keywords) {
        Set<String> names = new LinkedHashSet<>();
        for (SystemFlag flag : SystemFlag.fromBits(bits)) {
            names.add(flag.imapName());
        }
        names.addAll(keywords);
        return names;
    }

    /** Every flag-bit value (0..31) that has the given flag set or not, for SQL {@code IN} lists. */
    static java.util.List<Integer> bitValues(SystemFlag flag, boolean set) {
        int bit = SystemFlag.toBits(EnumSet.of(flag));
        java.util.List<Integer> values = new java.util.ArrayList<>();
        for (int v = 0; v < 1 << SystemFlag.values().length; v++) {
            if (((v & bit) != 0) == set) {
                values.add(v);
            }
        }
        return values;
    }
}
