package org.posthorn.connector.imap.decode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a command record back in canonical IMAP syntax (keywords in upper case, strings quoted, or
 * as literals when they are not printable ASCII), for golden files and round-trip tests: parsing
 * what this prints must give the same record. Test code only; the server never writes commands.
 */
final class CommandPrinter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss xx", Locale.ROOT);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private CommandPrinter() {
    }

    static byte[] print(ImapCommand command) {
        CommandPrinter printer = new CommandPrinter();
        printer.command(command);
        return printer.out.toByteArray();
    }

    private void command(ImapCommand c) {
        text(c.tag() + " ");
        if (c instanceof ImapCommand.Login l) {
            text("LOGIN ").string(l.user()).text(" ").string(l.password());
        } else if (c instanceof ImapCommand.Authenticate a) {
            text("AUTHENTICATE " + a.mechanism() + a.initialResponse().map(r -> " " + (r.isEmpty() ? "=" : r)).orElse(""));
        } else if (c instanceof ImapCommand.Enable e) {
            text("ENABLE " + String.join(" ", e.capabilities()));
        } else if (c instanceof ImapCommand.Id id) {
            id(id);
        } else if (c instanceof ImapCommand.Select s) {
            text(s.readOnly() ? "EXAMINE " : "SELECT ").string(s.mailbox()).text(s.condstore() ? " (CONDSTORE)" : "");
        } else if (c instanceof ImapCommand.Create m) {
            text("CREATE ").string(m.mailbox());
        } else if (c instanceof ImapCommand.Delete m) {
            text("DELETE ").string(m.mailbox());
        } else if (c instanceof ImapCommand.Subscribe m) {
            text("SUBSCRIBE ").string(m.mailbox());
        } else if (c instanceof ImapCommand.Unsubscribe m) {
            text("UNSUBSCRIBE ").string(m.mailbox());
        } else if (c instanceof ImapCommand.Rename r) {
            text("RENAME ").string(r.from()).text(" ").string(r.to());
        } else if (c instanceof ImapCommand.Lsub l) {
            text("LSUB ").string(l.reference()).text(" ").string(l.pattern());
        } else if (c instanceof ImapCommand.Status s) {
            text("STATUS ").string(s.mailbox()).text(" ").text(names(s.items()));
        } else if (c instanceof ImapCommand.Append a) {
            append(a);
        } else if (c instanceof ImapCommand.Expunge e) {
            text(e.uids().map(set -> "UID EXPUNGE " + set).orElse("EXPUNGE"));
        } else if (c instanceof ImapCommand.Copy m) {
            text((m.uid() ? "UID " : "") + "COPY " + m.set() + " ").string(m.mailbox());
        } else if (c instanceof ImapCommand.Move m) {
            text((m.uid() ? "UID " : "") + "MOVE " + m.set() + " ").string(m.mailbox());
        } else if (c instanceof ListMailboxes l) {
            list(l);
        } else if (c instanceof Search s) {
            search(s);
        } else if (c instanceof Fetch f) {
            text((f.uid() ? "UID " : "") + "FETCH " + f.set() + " " + f.attributes().stream()
                    .map(Object::toString).collect(Collectors.joining(" ", "(", ")")));
            f.changedSince().ifPresent(m -> text(" (CHANGEDSINCE " + m + ")"));
        } else if (c instanceof Store s) {
            store(s);
        } else {
            text(c.getClass().getSimpleName().toUpperCase(Locale.ROOT));
        }
    }

    private void id(ImapCommand.Id id) {
        if (id.fields().isEmpty()) {
            text("ID NIL");
            return;
        }
        text("ID (");
        for (int i = 0; i < id.fields().size(); i++) {
            ImapCommand.Id.Field field = id.fields().get(i);
            text(i == 0 ? "" : " ").string(field.name()).text(" ");
            field.value().ifPresentOrElse(this::string, () -> text("NIL"));
        }
        text(")");
    }

    private void append(ImapCommand.Append a) {
        text("APPEND ").string(a.mailbox());
        if (!a.flags().isEmpty()) {
            text(" (" + String.join(" ", a.flags()) + ")");
        }
        a.internalDate().ifPresent(d -> text(" \"" + dateTime(d) + "\""));
        text(" {" + a.message().length() + "}\r\n");
        out.writeBytes(a.message().toByteArray());
    }

    private void list(ListMailboxes l) {
        text("LIST ");
        if (l.extended()) {
            text(names(l.selection()) + " ");
        }
        string(l.reference()).text(" ");
        if (l.patterns().size() == 1) {
            string(l.patterns().get(0));
        } else {
            text("(");
            for (int i = 0; i < l.patterns().size(); i++) {
                text(i == 0 ? "" : " ").string(l.patterns().get(i));
            }
            text(")");
        }
        if (!l.returns().isEmpty()) {
            text(" RETURN (" + l.returns().stream()
                    .map(r -> r == ListMailboxes.Return.STATUS ? "STATUS " + names(l.status()) : name(r))
                    .collect(Collectors.joining(" ")) + ")");
        }
    }

    private void search(Search s) {
        text((s.uid() ? "UID " : "") + "SEARCH");
        if (!s.returnOptions().isEmpty()) {
            text(" RETURN " + names(s.returnOptions()));
        }
        s.charset().ifPresent(charset -> text(" CHARSET ").string(charset));
        text(" ");
        if (s.key() instanceof SearchKey.And and) {
            keys(and.keys());
        } else {
            key(s.key());
        }
    }

    private void keys(List<SearchKey> keys) {
        for (int i = 0; i < keys.size(); i++) {
            text(i == 0 ? "" : " ");
            key(keys.get(i));
        }
    }

    private void key(SearchKey key) {
        if (key instanceof SearchKey.And and) {
            text("(");
            keys(and.keys());
            text(")");
        } else if (key instanceof SearchKey.Not not) {
            text("NOT ");
            key(not.key());
        } else if (key instanceof SearchKey.Or or) {
            text("OR ");
            key(or.left());
            text(" ");
            key(or.right());
        } else if (key instanceof SearchKey.Text t) {
            text(t.field() + " ").string(t.value().toByteArray());
        } else if (key instanceof SearchKey.Header h) {
            text("HEADER ").string(h.name()).text(" ").string(h.value().toByteArray());
        } else if (key instanceof SearchKey.ModSeq m) {
            text("MODSEQ ");
            if (m.flag().isPresent()) {
                string("/flags/" + m.flag().get()).text(" " + m.entry().orElseThrow().name().toLowerCase(Locale.ROOT) + " ");
            }
            text(Long.toString(m.modSequence()));
        } else {
            text(key.toString());
        }
    }

    private void store(Store s) {
        text((s.uid() ? "UID " : "") + "STORE " + s.set() + " ");
        s.unchangedSince().ifPresent(m -> text("(UNCHANGEDSINCE " + m + ") "));
        text(switch (s.operation()) {
            case ADD -> "+";
            case REMOVE -> "-";
            case REPLACE -> "";
        });
        text("FLAGS" + (s.silent() ? ".SILENT" : "") + " (" + String.join(" ", s.flags()) + ")");
    }

    static String dateTime(OffsetDateTime dateTime) {
        return DATE_TIME.format(dateTime);
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().map(CommandPrinter::name).collect(Collectors.joining(" ", "(", ")"));
    }

    private static String name(Enum<?> value) {
        return value.name().replace('_', '-');
    }

    private CommandPrinter text(String ascii) {
        out.writeBytes(ascii.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private CommandPrinter string(String text) {
        return string(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Quoted if printable ASCII, else a literal. */
    private CommandPrinter string(byte[] octets) {
        boolean printable = true;
        for (byte b : octets) {
            printable &= b >= 0x20 && b < 0x7f;
        }
        if (!printable) {
            text("{" + octets.length + "}\r\n");
            out.writeBytes(octets);
            return this;
        }
        out.write('"');
        for (byte b : octets) {
            if (b == '"' || b == '\\') {
                out.write('\\');
            }
            out.write(b);
        }
        out.write('"');
        return this;
    }
}
