package org.posthorn.connector.imap.decode;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable enum sets that iterate (and print) in declaration order, for deterministic records; and
 * keyword lookup without {@code valueOf}'s exception.
 */
final class EnumSets {

    private EnumSets() {
    }

    static <E extends Enum<E>> Set<E> copy(Class<E> type, Collection<E> elements) {
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(elements);
        return Collections.unmodifiableSet(set);
    }

    /** The constant named {@code name}, if there is one. */
    static <E extends Enum<E>> Optional<E> find(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
