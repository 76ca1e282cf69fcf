package org.posthorn.ejb.admin;

import java.util.function.Consumer;

/**
 * One field of a partial update: absent (leave the value alone) or present with a value, which may be
 * null to clear it. JSON's distinction between a missing member and {@code null}, kept.
 *
 * @param present whether the request mentioned the field
 * @param value   the new value when present; may be null
 * @param <T>     the field's type
 */
public record Patch<T>(boolean present, T value) {

    private static final Patch<?> ABSENT = new Patch<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Patch<T> absent() {
        return (Patch<T>) ABSENT;
    }

    public static <T> Patch<T> of(T value) {
        return new Patch<>(true, value);
    }

    /** Hands the value (possibly null) to {@code action} when present. */
    public void ifPresent(Consumer<? super T> action) {
        if (present) {
            action.accept(value);
        }
    }
}
