package org.posthorn.connector.imap.decode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The IMAP commands Posthorn understands, one immutable record each, arguments parsed but not judged:
 * whether a mailbox exists or a command is allowed in the session's state is for the command
 * handlers. Mailbox names are as sent (modified UTF-7, or UTF-8), but {@code INBOX} in any case is
 * {@code INBOX}. The commands with richer arguments have their own files: {@link ListMailboxes},
 * {@link Search}, {@link Fetch}, {@link Store}.
 */
public sealed interface ImapCommand extends ImapInput permits ImapCommand.Capability, ImapCommand.Noop,
        ImapCommand.Logout, ImapCommand.StartTls, ImapCommand.Login, ImapCommand.Authenticate,
        ImapCommand.Enable, ImapCommand.Id, ImapCommand.Idle, ImapCommand.Namespace, ImapCommand.Select,
        ImapCommand.Create, ImapCommand.Delete, ImapCommand.Rename, ImapCommand.Subscribe,
        ImapCommand.Unsubscribe, ImapCommand.Lsub, ImapCommand.Status, ImapCommand.Append,
        ImapCommand.Check, ImapCommand.Close, ImapCommand.Unselect, ImapCommand.Expunge, ImapCommand.Copy,
        ImapCommand.Move, ListMailboxes, Search, Fetch, Store {

    /** The client's tag: one or more tag characters ({@code tag} of RFC 3501 §9). */
    String tag();

    /** {@code CAPABILITY} (RFC 3501 §6.1.1). */
    record Capability(String tag) implements ImapCommand {
    }

    /** {@code NOOP} (RFC 3501 §6.1.2). */
    record Noop(String tag) implements ImapCommand {
    }

    /** {@code LOGOUT} (RFC 3501 §6.1.3). */
    record Logout(String tag) implements ImapCommand {
    }

    /** {@code STARTTLS} (RFC 3501 §6.2.1). */
    record StartTls(String tag) implements ImapCommand {
    }

    /** {@code LOGIN SP userid SP password}, both {@code astring} in UTF-8 (RFC 3501 §6.2.3). */
    record Login(String tag, String user, String password) implements ImapCommand {
        @Override
        public String toString() {
            return "Login[tag=" + tag + ", user=" + user + ", password=***]";
        }
    }

    /**
     * {@code AUTHENTICATE SP auth-type [SP (base64 / "=")]} (RFC 3501 §6.2.2, RFC 4959 §3).
     *
     * @param mechanism       the SASL mechanism in upper case
     * @param initialResponse the base64 initial response; {@code ""} for {@code =} (empty response)
     */
    record Authenticate(String tag, String mechanism, Optional<String> initialResponse) implements ImapCommand {
        @Override
        public String toString() {
            return "Authenticate[tag=" + tag + ", mechanism=" + mechanism
                    + (initialResponse.isPresent() ? ", initial response" : "") + "]";
        }
    }

    /** {@code ENABLE 1*(SP capability)} (RFC 5161 §3.1); capability names in upper case. */
    record Enable(String tag, List<String> capabilities) implements ImapCommand {
        public Enable {
            capabilities = List.copyOf(capabilities);
        }
    }

    /**
     * {@code ID ("(" *(string SP nstring) ")" / NIL)} (RFC 2971 §3.1); NIL and {@code ()} give no
     * fields. Informational text, decoded as UTF-8 with bad octets replaced; at most 30 fields.
     */
    record Id(String tag, List<Field> fields) implements ImapCommand {
        public Id {
            fields = List.copyOf(fields);
        }

        /** One field and its value, {@code NIL} being empty. */
        public record Field(String name, Optional<String> value) {
        }
    }

    /** {@code IDLE} (RFC 2177 §3); {@code DONE} follows as {@link IdleDone}. */
    record Idle(String tag) implements ImapCommand {
    }

    /** {@code NAMESPACE} (RFC 2342 §5). */
    record Namespace(String tag) implements ImapCommand {
    }

    /**
     * {@code SELECT} or, read-only, {@code EXAMINE}: {@code SP mailbox [select-params]} (RFC 3501
     * §6.3.1-2, RFC 4466 §2.1), the only parameter being {@code CONDSTORE} (RFC 7162 §3.1.8).
     */
    record Select(String tag, String mailbox, boolean readOnly, boolean condstore) implements ImapCommand {
    }

    /** {@code CREATE SP mailbox} (RFC 3501 §6.3.3). */
    record Create(String tag, String mailbox) implements ImapCommand {
    }

    /** {@code DELETE SP mailbox} (RFC 3501 §6.3.4). */
    record Delete(String tag, String mailbox) implements ImapCommand {
    }

    /** {@code RENAME SP mailbox SP mailbox} (RFC 3501 §6.3.5). */
    record Rename(String tag, String from, String to) implements ImapCommand {
    }

    /** {@code SUBSCRIBE SP mailbox} (RFC 3501 §6.3.6). */
    record Subscribe(String tag, String mailbox) implements ImapCommand {
    }

    /** {@code UNSUBSCRIBE SP mailbox} (RFC 3501 §6.3.7). */
    record Unsubscribe(String tag, String mailbox) implements ImapCommand {
    }

    /** {@code LSUB SP mailbox SP list-mailbox} (RFC 3501 §6.3.9); the pattern keeps its wildcards. */
    record Lsub(String tag, String reference, String pattern) implements ImapCommand {
    }

    /** {@code STATUS SP mailbox SP "(" status-att *(SP status-att) ")"} (RFC 3501 §6.3.10). */
    record Status(String tag, String mailbox, Set<StatusItem> items) implements ImapCommand {
        public Status {
            items = EnumSets.copy(StatusItem.class, items);
        }
    }

    /**
     * {@code APPEND SP mailbox [SP flag-list] [SP date-time] SP literal} (RFC 3501 §6.3.11).
     *
     * @param flags        as sent; empty when none were given
     * @param internalDate the date-time, when given
     * @param message      the literal's octets, unchanged (they may hold any octet, CR, LF and NUL)
     */
    record Append(String tag, String mailbox, List<String> flags, Optional<OffsetDateTime> internalDate,
            Octets message) implements ImapCommand {
        public Append {
            flags = List.copyOf(flags);
            Objects.requireNonNull(message, "message");
        }
    }

    /** {@code CHECK} (RFC 3501 §6.4.1). */
    record Check(String tag) implements ImapCommand {
    }

    /** {@code CLOSE} (RFC 3501 §6.4.2). */
    record Close(String tag) implements ImapCommand {
    }

    /** {@code UNSELECT} (RFC 3691 §2). */
    record Unselect(String tag) implements ImapCommand {
    }

    /**
     * {@code EXPUNGE} (RFC 3501 §6.4.3), or {@code UID EXPUNGE SP sequence-set} (RFC 4315 §2.1)
     * limited to the given UIDs.
     */
    record Expunge(String tag, Optional<SequenceSet> uids) implements ImapCommand {
    }

    /** {@code [UID] COPY SP sequence-set SP mailbox} (RFC 3501 §6.4.7, §6.4.8). */
    record Copy(String tag, boolean uid, SequenceSet set, String mailbox) implements ImapCommand {
    }

    /** {@code [UID] MOVE SP sequence-set SP mailbox} (RFC 6851 §3). */
    record Move(String tag, boolean uid, SequenceSet set, String mailbox) implements ImapCommand {
    }
}
