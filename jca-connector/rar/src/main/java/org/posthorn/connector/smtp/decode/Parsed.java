package org.posthorn.connector.smtp.decode;

import org.posthorn.connector.smtp.encode.SmtpReply;

/**
 * The result of parsing a command's argument: the value, or the reply that refuses it. Errors are
 * values here; nothing in the parsers throws for bad input.
 *
 * @param <T> the parsed value's type
 */
public sealed interface Parsed<T> {

    record Ok<T>(T value) implements Parsed<T> {
    }

    record Invalid<T>(SmtpReply reply) implements Parsed<T> {
    }

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    /** {@code 501 5.5.4}: syntax error in parameters or arguments (RFC 5321 §4.2.3, RFC 3463 X.5.4). */
    static <T> Parsed<T> syntax(String text) {
        return new Invalid<>(SmtpReply.of(501, "5.5.4", text));
    }

    static <T> Parsed<T> invalid(SmtpReply reply) {
        return new Invalid<>(reply);
    }
}
