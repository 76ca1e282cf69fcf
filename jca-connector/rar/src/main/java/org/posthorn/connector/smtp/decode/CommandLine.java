package org.posthorn.connector.smtp.decode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One command line (RFC 5321 §4.1.1: {@code verb [SP argument] CRLF}), split but not interpreted.
 *
 * @param verb          the command verb in upper case; empty for an empty line
 * @param argument      everything after the first space, as sent (may be empty)
 * @param holdsFraming  the decoder paused after this line because its verb may change how the following
 *                      bytes are framed; whoever handles it must tell the decoder how to go on
 */
public record CommandLine(String verb, String argument, boolean holdsFraming) implements SmtpFrame {

    /**
     * Splits a line's octets, decoded as UTF-8 (RFC 6531 lets SMTPUTF8 clients send UTF-8 addresses).
     *
     * @return empty if the octets are not valid UTF-8
     */
    static Optional<CommandLine> parse(byte[] octets) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        int space = text.indexOf(' ');
        String verb = space < 0 ? text : text.substring(0, space);
        String argument = space < 0 ? "" : text.substring(space + 1);
        return Optional.of(new CommandLine(verb.toUpperCase(Locale.ROOT), argument, false));
    }

    CommandLine holdingFraming() {
        return new CommandLine(verb, argument, true);
    }
}
