package org.posthorn.systemtest.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IMAP over a raw socket, for what a library client hides: which untagged responses a command brought,
 * in whatever order the server chose (RFC 3501 fixes none), and IDLE read line by line. Commands get
 * tags {@code t1}, {@code t2}, ... A response with literals ({@code {n}}) is returned as one string with
 * the literal's octets in place; literals must be ASCII text, which is all these tests fetch.
 */
public final class ImapLineClient extends LineClient {

    private static final Pattern LITERAL_AT_END = Pattern.compile("\\{(\\d+)\\}$");

    private final String greeting;
    private int tags;

    /** What a command brought: the untagged responses in order, and the tagged completion. */
    public record Reply(List<String> untagged, String tagged) {

        public boolean ok() {
            return tagged.split(" ", 3)[1].equals("OK");
        }

        /** The untagged responses that match {@code regex} in full. */
        public List<String> matching(String regex) {
            return untagged.stream().filter(line -> line.matches(regex)).toList();
        }

        @Override
        public String toString() {
            return String.join("\n", untagged) + "\n" + tagged;
        }
    }

    public ImapLineClient(int port) {
        super(port);
        greeting = readResponse();
    }

    public String greeting() {
        return greeting;
    }

    /** Logs in with LOGIN and fails the test unless it succeeded. */
    public ImapLineClient login(String user, String password) {
        Reply reply = command("LOGIN \"" + user + "\" \"" + password + "\"");
        if (!reply.ok()) {
            throw new AssertionError("LOGIN " + user + " failed: " + reply);
        }
        return this;
    }

    /** Sends one command with the next tag and reads up to and including its tagged response. */
    public Reply command(String command) {
        String tag = "t" + (++tags);
        send(tag + " " + command);
        return readUntilTagged(tag);
    }

    /** Sends {@code tag command} without reading anything; for IDLE and literals. */
    public String start(String command) {
        String tag = "t" + (++tags);
        send(tag + " " + command);
        return tag;
    }

    /** Reads responses until the one tagged {@code tag}. */
    public Reply readUntilTagged(String tag) {
        List<String> untagged = new ArrayList<>();
        while (true) {
            String response = readResponse();
            if (response.startsWith(tag + " ")) {
                return new Reply(List.copyOf(untagged), response);
            }
            untagged.add(response);
        }
    }

    /** Reads one whole response line, with the octets of any literals it carries in place. */
    public String readResponse() {
        String line = readLine();
        if (line == null) {
            throw new AssertionError("the server closed the connection");
        }
        StringBuilder response = new StringBuilder(line);
        Matcher literal = LITERAL_AT_END.matcher(line);
        while (literal.find()) {
            int size = Integer.parseInt(literal.group(1));
            StringBuilder octets = new StringBuilder();
            // The literal's octets, then the rest of the response up to its CRLF (possibly on the same line).
            while (octets.length() < size + 2) {
                String next = readLine();
                if (next == null) {
                    throw new AssertionError("the server closed the connection inside a literal");
                }
                octets.append(next).append("\r\n");
            }
            String all = octets.toString();
            response.append("\r\n").append(all, 0, size);
            String rest = all.substring(size);
            rest = rest.endsWith("\r\n") ? rest.substring(0, rest.length() - 2) : rest;
            response.append(rest);
            literal = LITERAL_AT_END.matcher(rest);
        }
        return response.toString();
    }
}
