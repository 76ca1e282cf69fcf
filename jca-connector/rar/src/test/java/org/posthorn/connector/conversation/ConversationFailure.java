package org.posthorn.connector.conversation;

/** A conversation script did not go as written; the message names the script, the line and what came instead. */
public final class ConversationFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    ConversationFailure(String message) {
        super(message);
    }

    ConversationFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
