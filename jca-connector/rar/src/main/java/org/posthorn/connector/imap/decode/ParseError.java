package org.posthorn.connector.imap.decode;

import java.util.Objects;
import java.util.Optional;

/**
 * Input the decoder refuses: the caller answers {@code <tag> BAD <message>}, or {@code * BAD} when
 * no tag is known (RFC 3501 §7.1.3), and the session goes on unless {@link #closeConnection()}.
 *
 * @param tag             the command's tag, when the refused input began with a valid one; made of
 *                        tag characters only ({@code tag} of RFC 3501 §9), so safe to echo
 * @param problem         what kind of refusal, for response codes ({@code [TOOBIG]} for the sizes)
 *                        and the bad-command count
 * @param message         fixed server text, never client input
 * @param closeConnection the client has committed to sending octets that the decoder will not read
 *                        (a refused non-synchronizing literal): answer, then close; the decoder
 *                        consumes nothing more
 */
public record ParseError(Optional<String> tag, Problem problem, String message, boolean closeConnection)
        implements ImapInput {

    /** Why input was refused. */
    public enum Problem {
        /** Does not match the grammar of RFC 3501 §9 or of an extension. */
        SYNTAX,
        /** Not a command this server knows. */
        UNKNOWN_COMMAND,
        /** A line (between literals) longer than {@link DecodeLimits#maxLineLength()}. */
        LINE_TOO_LONG,
        /** A line not ended by CRLF, or with a CR inside. */
        BAD_LINE_END,
        /** An announced literal above {@link DecodeLimits#maxLiteral()} (or the APPEND limit). */
        LITERAL_TOO_LARGE,
        /** More literals in one command than {@link DecodeLimits#maxLiterals()}. */
        TOO_MANY_LITERALS,
        /** Lines and literals of one command above {@link DecodeLimits#maxCommand()}. */
        COMMAND_TOO_LARGE,
        /** SEARCH nested deeper, or with more keys, than the limits allow. */
        TOO_COMPLEX
    }

    public ParseError {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(message, "message");
    }
}
