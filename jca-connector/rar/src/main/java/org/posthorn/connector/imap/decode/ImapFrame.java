package org.posthorn.connector.imap.decode;

import java.util.Optional;

/** What {@link ImapFramer} cuts out of the byte stream. */
sealed interface ImapFrame {

    /** A whole command: its lines and literals. */
    record Command(RawCommand command) implements ImapFrame {
    }

    /** A synchronizing literal was accepted; the client waits for {@code +}. */
    record Continue() implements ImapFrame {
    }

    /** A line asked for by {@link ImapFramer#expectLine()}, without CRLF. */
    record Line(byte[] text) implements ImapFrame {
    }

    /**
     * Input refused and discarded: the command so far is dropped.
     *
     * @param close the client is sending a literal that will not be read; nothing more is framed
     */
    record Refused(Optional<String> tag, ParseError.Problem problem, boolean close) implements ImapFrame {
    }
}
