package org.posthorn.web.api;

/**
 * The body of every error answer: {@code {"error": "message"}}.
 *
 * @param error what went wrong, for a person; never a stack trace or a password
 */
public record ErrorBody(String error) {
}
