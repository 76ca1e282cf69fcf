package org.posthorn.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A listener's answer that is either a value or a refusal: refusals are values across the seam, so
 * they neither roll back the container transaction nor log an error.
 *
 * @param <T> the value's type
 */
public final class Result<T> {

    private final T value;
    private final MailError error;

    private Result(T value, MailError error) {
        this.value = value;
        this.error = error;
    }

    public static <T> Result<T> of(T value) {
        return new Result<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <T> Result<T> refused(MailError error) {
        return new Result<>(null, Objects.requireNonNull(error, "error"));
    }

    public boolean isOk() {
        return error == null;
    }

    /** The value; throws if this is a refusal. */
    public T value() {
        if (error != null) {
            throw new IllegalStateException("refused: " + error);
        }
        return value;
    }

    public Optional<MailError> error() {
        return Optional.ofNullable(error);
    }

    public <U> Result<U> map(Function<T, U> mapping) {
        return error == null ? Result.of(mapping.apply(value)) : Result.refused(error);
    }

    @Override
    public String toString() {
        return error == null ? "Result[" + value + "]" : "Result[refused " + error + "]";
    }
}
