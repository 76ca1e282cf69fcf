package org.posthorn.connector.pop3.decode;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The POP3 commands Posthorn understands, one record each, with their arguments parsed. Message
 * numbers are positive as sent; whether such a message exists is the command's business.
 */
public sealed interface Pop3Command {

    /** {@code USER name} (RFC 1939 §7). */
    record User(String name) implements Pop3Command {
        public User {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code PASS string} (RFC 1939 §7); the whole rest of the line, spaces included. */
    record Pass(String password) implements Pop3Command {
        public Pass {
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Pass[password=***]";
        }
    }

    /**
     * {@code AUTH [mechanism [initial-response]]} (RFC 5034 §4). Without a mechanism, the client
     * asks for the list of mechanisms (a widespread extension).
     */
    record Auth(Optional<String> mechanism, Optional<String> initialResponse) implements Pop3Command {
        public Auth {
            Objects.requireNonNull(mechanism, "mechanism");
            Objects.requireNonNull(initialResponse, "initialResponse");
        }

        @Override
        public String toString() {
            return "Auth[mechanism=" + mechanism.orElse("") + (initialResponse.isPresent() ? ", initial response" : "") + "]";
        }
    }

    /** {@code STLS} (RFC 2595 §4). */
    record Stls() implements Pop3Command {
    }

    /** {@code CAPA} (RFC 2449 §5). */
    record Capa() implements Pop3Command {
    }

    /** {@code STAT} (RFC 1939 §5). */
    record Stat() implements Pop3Command {
    }

    /** {@code LIST [msg]} (RFC 1939 §5). */
    record ListMessages(OptionalLong message) implements Pop3Command {
    }

    /** {@code RETR msg} (RFC 1939 §5). */
    record Retr(long message) implements Pop3Command {
    }

    /** {@code TOP msg n} (RFC 1939 §7). */
    record Top(long message, long lines) implements Pop3Command {
    }

    /** {@code UIDL [msg]} (RFC 1939 §7). */
    record Uidl(OptionalLong message) implements Pop3Command {
    }

    /** {@code DELE msg} (RFC 1939 §5). */
    record Dele(long message) implements Pop3Command {
    }

    /** {@code RSET} (RFC 1939 §5). */
    record Rset() implements Pop3Command {
    }

    /** {@code NOOP} (RFC 1939 §5). */
    record Noop() implements Pop3Command {
    }

    /** {@code QUIT} (RFC 1939 §4 in AUTHORIZATION, §6 in TRANSACTION). */
    record Quit() implements Pop3Command {
    }
}
