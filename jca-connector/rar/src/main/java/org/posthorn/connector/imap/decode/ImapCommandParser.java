package org.posthorn.connector.imap.decode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses one framed command ({@code command = tag SP (command-any / command-auth / command-nonauth /
 * command-select) CRLF}, RFC 3501 §9) into its {@link ImapCommand}, or a {@link ParseError}. Reads the
 * tag and the command name and hands the rest to the parser for its family; the commands without
 * arguments and those of the connection (LOGIN, AUTHENTICATE, ENABLE, ID) are read here.
 */
final class ImapCommandParser {

    /** RFC 2971 §3.3: at most 30 field-value pairs, fields of 30 octets, values of 1024. */
    private static final int ID_FIELDS = 30;
    private static final int ID_FIELD_OCTETS = 30;
    private static final int ID_VALUE_OCTETS = 1024;

    private DecodeLimits limits;

    ImapCommandParser(DecodeLimits limits) {
        this.limits = limits;
    }

    void limits(DecodeLimits next) {
        limits = next;
    }

    /** The command, or why not; never throws for any input. */
    ImapInput parse(RawCommand raw) {
        ImapReader in = new ImapReader(raw);
        String tag = null;
        try {
            String candidate = in.run(Chars::isTagChar);
            if (candidate.isEmpty()) {
                throw SyntaxError.syntax(in.atEnd() ? "Empty command line" : "Expected a tag");
            }
            if (in.atEnd()) {
                tag = candidate;
                throw SyntaxError.syntax("Expected a command");
            }
            in.sp();
            tag = candidate;
            String name = in.run(Chars::isAtomChar).toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw SyntaxError.syntax("Expected a command");
            }
            ImapCommand command = command(tag, name, in);
            in.end();
            return command;
        } catch (SyntaxError e) {
            return new ParseError(Optional.ofNullable(tag), e.problem(), e.getMessage(), false);
        }
    }

    private ImapCommand command(String tag, String name, ImapReader in) {
        return switch (name) {
            case "CAPABILITY" -> new ImapCommand.Capability(tag);
            case "NOOP" -> new ImapCommand.Noop(tag);
            case "LOGOUT" -> new ImapCommand.Logout(tag);
            case "STARTTLS" -> new ImapCommand.StartTls(tag);
            case "IDLE" -> new ImapCommand.Idle(tag);
            case "NAMESPACE" -> new ImapCommand.Namespace(tag);
            case "CHECK" -> new ImapCommand.Check(tag);
            case "CLOSE" -> new ImapCommand.Close(tag);
            case "UNSELECT" -> new ImapCommand.Unselect(tag);
            case "EXPUNGE" -> new ImapCommand.Expunge(tag, Optional.empty());
            case "LOGIN" -> login(tag, in);
            case "AUTHENTICATE" -> authenticate(tag, in);
            case "ENABLE" -> enable(tag, in);
            case "ID" -> id(tag, in);
            case "LIST" -> ListParser.parse(tag, in);
            case "SELECT", "EXAMINE", "CREATE", "DELETE", "RENAME", "SUBSCRIBE", "UNSUBSCRIBE", "LSUB", "STATUS",
                    "APPEND" -> MailboxCommandParser.parse(tag, name, in);
            case "FETCH", "STORE", "COPY", "MOVE", "SEARCH" -> MessageCommandParser.parse(tag, name, false, in, limits);
            case "UID" -> uid(tag, in);
            default -> throw SyntaxError.unknownCommand();
        };
    }

    /** {@code uid = "UID" SP ("COPY" / "MOVE" / "FETCH" / "SEARCH" / "STORE" / "EXPUNGE") ...}. */
    private ImapCommand uid(String tag, ImapReader in) {
        in.sp();
        String name = in.keyword();
        return switch (name) {
            case "FETCH", "STORE", "COPY", "MOVE", "SEARCH", "EXPUNGE" -> MessageCommandParser.parse(tag, name, true, in, limits);
            default -> throw SyntaxError.unknownCommand();
        };
    }

    private static ImapCommand login(String tag, ImapReader in) {
        in.sp();
        String user = Arguments.utf8(in.astring(), "User name is not UTF-8");
        in.sp();
        String password = Arguments.utf8(in.astring(), "Password is not UTF-8");
        return new ImapCommand.Login(tag, user, password);
    }

    /** {@code "AUTHENTICATE" SP auth-type [SP (base64 / "=")]}, with SASL-IR (RFC 4959 §7). */
    private static ImapCommand authenticate(String tag, ImapReader in) {
        in.sp();
        String mechanism = in.keyword();
        Optional<String> initial = Optional.empty();
        if (in.skip(' ')) {
            String response = in.atom();
            if (!response.equals("=") && (response.isEmpty() || !isBase64(response))) {
                throw SyntaxError.syntax("Bad base64 in initial response");
            }
            initial = Optional.of(response.equals("=") ? "" : response);
        }
        return new ImapCommand.Authenticate(tag, mechanism, initial);
    }

    private static ImapCommand enable(String tag, ImapReader in) {
        List<String> capabilities = new ArrayList<>();
        do {
            in.sp();
            capabilities.add(in.keyword());
        } while (!in.atEnd());
        return new ImapCommand.Enable(tag, capabilities);
    }

    /** {@code id = "ID" SP id-params-list}, {@code id-params-list = "(" *(string SP nstring) ")" / nil}. */
    private static ImapCommand id(String tag, ImapReader in) {
        in.sp();
        if (in.keyword("NIL")) {
            return new ImapCommand.Id(tag, List.of());
        }
        List<ImapCommand.Id.Field> fields = Arguments.list(in, true, () -> {
            String name = text(in.string());
            in.sp();
            Optional<String> value = in.nstring().map(ImapCommandParser::text);
            // Measured as decoded: a bad octet becomes U+FFFD, three octets, and the field must still
            // fit when it is written out again (in logs, or echoed in a reply).
            if (octets(name) > ID_FIELD_OCTETS || value.map(v -> octets(v) > ID_VALUE_OCTETS).orElse(false)) {
                throw SyntaxError.syntax("ID field or value too long");
            }
            return new ImapCommand.Id.Field(name, value);
        });
        if (fields.size() > ID_FIELDS) {
            throw SyntaxError.syntax("Too many ID fields");
        }
        return new ImapCommand.Id(tag, fields);
    }

    private static int octets(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String text(byte[] octets) {
        return new String(octets, StandardCharsets.UTF_8);
    }

    /** {@code base64 = *(4base64-char) [base64-terminal]} (RFC 3501 §9); may be empty. */
    static boolean isBase64(String text) {
        if (text.length() % 4 != 0) {
            return false;
        }
        int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
        for (int i = 0; i < text.length() - padding; i++) {
            char c = text.charAt(i);
            if (!(Chars.isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '+' || c == '/')) {
                return false;
            }
        }
        return true;
    }
}
