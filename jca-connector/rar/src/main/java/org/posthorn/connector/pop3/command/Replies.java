package org.posthorn.connector.pop3.command;

import org.posthorn.connector.pop3.encode.Pop3Response;
import org.posthorn.connector.pop3.encode.ResponseCode;
import org.posthorn.spi.MailError;

/**
 * The replies several commands share, and the one mapping of the post office's {@link MailError}s to
 * POP3 response codes (STYLE 6). Internal failures only ever say "try again later"; the details go
 * to the log.
 */
public final class Replies {

    public static final Pop3Response TEMPORARY_FAILURE =
            new Pop3Response.Err(ResponseCode.SYS_TEMP, "Temporary failure, try again later");
    public static final Pop3Response AUTHENTICATION_FAILED =
            new Pop3Response.Err(ResponseCode.AUTH, "Authentication failed");
    public static final Pop3Response IN_USE = new Pop3Response.Err(ResponseCode.IN_USE, "Maildrop already locked");

    private Replies() {
    }

    /**
     * The response code for a refusal of the post office: {@code [SYS/TEMP]} for a transient failure
     * (RFC 3206 §4), {@code [IN-USE]} for a lock (RFC 2449 §8.1.2), {@code [AUTH]} for credentials
     * (RFC 3206 §5), {@code [SYS/PERM]} for everything else, so not found and not allowed read the same.
     */
    public static ResponseCode codeOf(MailError error) {
        return switch (error) {
            case TEMPORARY_FAILURE -> ResponseCode.SYS_TEMP;
            case IN_USE -> ResponseCode.IN_USE;
            case AUTHENTICATION_FAILED -> ResponseCode.AUTH;
            case NOT_FOUND, NO_PERMISSION, ALREADY_EXISTS, HAS_CHILDREN, OVER_QUOTA, TOO_BIG, INVALID -> ResponseCode.SYS_PERM;
        };
    }

    /** Why message {@code number} cannot be used: never listed, or marked deleted (RFC 1939 §5). */
    static Outcome.Reply noSuchMessage(Maildrop maildrop, long number) {
        return Outcome.reply(new Pop3Response.Err(maildrop.isDeleted(number)
                ? "message " + number + " already deleted"
                : "no such message"));
    }

    /** RFC 1939 §4 wording after login and RSET: {@code maildrop has 2 messages (320 octets)}. */
    static String summary(Maildrop maildrop) {
        return "maildrop has " + count(maildrop);
    }

    /** RFC 1939 §5 LIST wording: {@code 2 messages (320 octets)}. */
    static String count(Maildrop maildrop) {
        int count = maildrop.visibleCount();
        return count + (count == 1 ? " message (" : " messages (") + maildrop.visibleOctets() + " octets)";
    }
}
