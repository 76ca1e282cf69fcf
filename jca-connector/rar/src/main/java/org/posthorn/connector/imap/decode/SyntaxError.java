package org.posthorn.connector.imap.decode;

/**
 * Thrown inside the parsers at the first octet that does not fit the grammar, and turned into a
 * {@link ParseError} at the one place that catches it ({@link ImapCommandParser#parse}). It never
 * leaves this package; the message is fixed server text, never client input. Without a stack trace:
 * it is control flow, and hostile input may raise many.
 */
final class SyntaxError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ParseError.Problem problem;

    private SyntaxError(ParseError.Problem problem, String message) {
        super(message, null, false, false);
        this.problem = problem;
    }

    static SyntaxError syntax(String message) {
        return new SyntaxError(ParseError.Problem.SYNTAX, message);
    }

    static SyntaxError tooComplex(String message) {
        return new SyntaxError(ParseError.Problem.TOO_COMPLEX, message);
    }

    static SyntaxError unknownCommand() {
        return new SyntaxError(ParseError.Problem.UNKNOWN_COMMAND, "Unknown command");
    }

    ParseError.Problem problem() {
        return problem;
    }
}
