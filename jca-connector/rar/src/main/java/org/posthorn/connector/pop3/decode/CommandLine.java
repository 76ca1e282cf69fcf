package org.posthorn.connector.pop3.decode;

import java.util.Locale;

/**
 * A command line split into its keyword and the rest (RFC 1939 §3: "a case-insensitive keyword,
 * possibly followed by one or more arguments", separated by a single space; RFC 2449 §4 for the
 * line length).
 *
 * @param verb      the keyword in upper case, never empty; may contain anything but space and controls
 * @param arguments everything after the first space, unchanged (a password may contain spaces)
 */
public record CommandLine(String verb, String arguments) {

    /**
     * The longest command line accepted, in octets without CRLF. RFC 2449 §4 allows 255 including
     * CRLF; we accept up to 512 with CRLF, lenient with clients that send long user names.
     */
    public static final int MAX_OCTETS = 510;

    /**
     * Splits a line, or says why it is no command line. Any keyword is returned; the dispatcher
     * answers unknown ones (RFC 1939 keywords are 3 or 4 characters).
     */
    public static Parsed<CommandLine> parse(InputLine.Text line) {
        String text = line.text();
        if (line.octets() > MAX_OCTETS) {
            return Parsed.malformed("Line too long");
        }
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Parsed.malformed("Control character in command");
        }
        int space = text.indexOf(' ');
        String verb = space < 0 ? text : text.substring(0, space);
        if (verb.isEmpty()) {
            return Parsed.malformed("Empty command");
        }
        String arguments = space < 0 ? "" : text.substring(space + 1);
        return Parsed.of(new CommandLine(verb.toUpperCase(Locale.ROOT), arguments));
    }
}
