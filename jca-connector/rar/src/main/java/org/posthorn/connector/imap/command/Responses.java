package org.posthorn.connector.imap.command;

import java.util.Optional;
import org.posthorn.connector.imap.encode.ImapResponse;
import org.posthorn.connector.imap.encode.ImapResponse.Status;
import org.posthorn.spi.MailError;

/** The tagged and untagged status responses commands build, and the one mapping of {@link MailError} to IMAP. */
final class Responses {

    private Responses() {
    }

    static ImapResponse ok(String tag, String text) {
        return new ImapResponse.Tagged(tag, Status.OK, Optional.empty(), text);
    }

    static ImapResponse ok(String tag, String code, String text) {
        return new ImapResponse.Tagged(tag, Status.OK, Optional.of(code), text);
    }

    static ImapResponse no(String tag, String text) {
        return new ImapResponse.Tagged(tag, Status.NO, Optional.empty(), text);
    }

    static ImapResponse no(String tag, String code, String text) {
        return new ImapResponse.Tagged(tag, Status.NO, Optional.of(code), text);
    }

    static ImapResponse bad(String tag, String text) {
        return new ImapResponse.Tagged(tag, Status.BAD, Optional.empty(), text);
    }

    static ImapResponse untaggedOk(String code, String text) {
        return new ImapResponse.Untagged(Status.OK, Optional.of(code), text);
    }

    static ImapResponse data(String text) {
        return new ImapResponse.Data(text);
    }

    /** {@code NO [UNAVAILABLE]} (RFC 5530 §3): the post office failed; the details are in the log. */
    static ImapResponse temporaryFailure(String tag) {
        return no(tag, "UNAVAILABLE", "Temporary server failure, try again later");
    }

    /**
     * A refusal of the post office as a tagged NO with the response code of RFC 5530 §3. Not found and
     * not permitted read differently here: the account is authenticated and asks about its own mailboxes.
     */
    static ImapResponse refusal(String tag, MailError error) {
        return switch (error) {
            case NOT_FOUND -> no(tag, "NONEXISTENT", "Mailbox doesn't exist");
            case ALREADY_EXISTS -> no(tag, "ALREADYEXISTS", "Mailbox already exists");
            case HAS_CHILDREN -> no(tag, "HASCHILDREN", "Mailbox has children, delete them first");
            case NO_PERMISSION -> no(tag, "NOPERM", "Permission denied");
            case OVER_QUOTA -> no(tag, "OVERQUOTA", "Quota exceeded");
            case TOO_BIG -> no(tag, "TOOBIG", "Message too large");
            case INVALID -> no(tag, "CANNOT", "Invalid mailbox name");
            case IN_USE -> no(tag, "INUSE", "Mailbox is in use, try again later");
            case AUTHENTICATION_FAILED -> no(tag, "AUTHENTICATIONFAILED", "Authentication failed");
            case TEMPORARY_FAILURE -> temporaryFailure(tag);
        };
    }
}
