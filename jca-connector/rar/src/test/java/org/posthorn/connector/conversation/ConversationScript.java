package org.posthorn.connector.conversation;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A protocol conversation written as text (STYLE.md #14), run against a server over a plain socket.
 * One directive per line:
 *
 * <pre>
 * C: text     send text (UTF-8) and CRLF
 * R: text     send raw octets, with escapes \r \n \t \\ \xHH ({@link Escapes}); no CRLF is added
 * S: regex    read one CRLF-terminated line; the whole line must match the Java regex
 * E:          expect the server to close the connection
 * # comment   ignored, as are blank lines
 * </pre>
 *
 * <p>A line is matched as text in which every octet outside printable ASCII is written as an escape
 * ({@link Escapes#escape}: {@code 
}, {@code 	}, {@code }, a backslash as {@code \}), so a
 * script can see, and forbid, control characters in what the server sends.
 *
 * Every read has a timeout, so a script never hangs. A failure says which line of which script failed
 * and what was received. The class is public and has no test-framework dependency, so system tests in
 * other modules can run the same scripts against the deployed server.
 */
public final class ConversationScript {

    /** The default time to wait for each line from the server. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** One directive. */
    public sealed interface Step {
        /** The line of the script it comes from, 1-based. */
        int line();
    }

    public record Send(int line, byte[] octets) implements Step {
    }

    public record Expect(int line, Pattern pattern) implements Step {
    }

    public record ExpectClose(int line) implements Step {
    }

    private final String name;
    private final List<Step> steps;

    private ConversationScript(String name, List<Step> steps) {
        this.name = name;
        this.steps = List.copyOf(steps);
    }

    /**
     * Parses a script.
     *
     * @param name for messages, usually the file name
     * @throws IllegalArgumentException naming the line if a directive is malformed
     */
    public static ConversationScript parse(String name, String text) {
        List<Step> steps = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                steps.add(step(number, line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ":" + number + ": " + e.getMessage(), e);
            }
        }
        return new ConversationScript(name, steps);
    }

    /** Reads and parses a script file (UTF-8). */
    public static ConversationScript load(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every {@code .txt} script in a directory, in the order of their names. */
    public static List<ConversationScript> loadAll(Path directory) {
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().map(ConversationScript::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    public String name() {
        return name;
    }

    public List<Step> steps() {
        return steps;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Runs the script with the {@linkplain #DEFAULT_TIMEOUT default timeout}. */
    public void run(String host, int port) {
        run(host, port, DEFAULT_TIMEOUT);
    }

    /**
     * Connects, runs every step, and closes.
     *
     * @param timeout how long to wait for each expected line or for the close
     * @throws ConversationFailure if the server did not answer as written
     */
    public void run(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            for (Step step : steps) {
                perform(step, in, out);
            }
        } catch (IOException e) {
            throw new ConversationFailure(name + ": connection to " + host + ":" + port + " failed: " + e, e);
        }
    }

    private void perform(Step step, InputStream in, OutputStream out) throws IOException {
        if (step instanceof Send send) {
            try {
                out.write(send.octets());
                out.flush();
            } catch (SocketException e) {
                throw fail(step, "could not send (" + e.getMessage() + ")");
            }
        } else if (step instanceof Expect expect) {
            String received = readLine(step, in);
            if (!expect.pattern().matcher(received).matches()) {
                throw fail(step, "expected a line matching /" + expect.pattern() + "/ but received \""
                        + received + "\"");
            }
        } else {
            expectClose(step, in);
        }
    }

    private String readLine(Step step, InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw fail(step, "timed out waiting for a line; received so far \"" + Escapes.escape(line.toByteArray()) + "\"");
            } catch (SocketException e) {
                throw fail(step, "connection failed (" + e.getMessage() + "); received so far \""
                        + Escapes.escape(line.toByteArray()) + "\"");
            }
            if (b < 0) {
                throw fail(step, "the server closed the connection; received so far \"" + Escapes.escape(line.toByteArray()) + "\"");
            }
            if (b == '\n') {
                byte[] octets = line.toByteArray();
                if (octets.length == 0 || octets[octets.length - 1] != '\r') {
                    throw fail(step, "line not ended by CRLF: \"" + Escapes.escape(octets) + "\\n\"");
                }
                return Escapes.escape(Arrays.copyOf(octets, octets.length - 1));
            }
            line.write(b);
        }
    }

    private void expectClose(Step step, InputStream in) throws IOException {
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw fail(step, "expected the server to close the connection, but it stayed open"
                        + (extra.size() > 0 ? " after sending \"" + Escapes.escape(extra.toByteArray()) + "\"" : ""));
            } catch (SocketException e) {
                return; // reset by the server: closed
            }
            if (b < 0) {
                if (extra.size() > 0) {
                    throw fail(step, "expected the server to close the connection, but it sent \""
                            + Escapes.escape(extra.toByteArray()) + "\" first");
                }
                return;
            }
            extra.write(b);
        }
    }

    private ConversationFailure fail(Step step, String what) {
        return new ConversationFailure(name + ":" + step.line() + ": " + what);
    }

    private static Step step(int number, String line) {
        if (line.startsWith("C:")) {
            String text = stripOneSpace(line.substring(2));
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            byte[] octets = Arrays.copyOf(body, body.length + 2);
            octets[body.length] = '\r';
            octets[body.length + 1] = '\n';
            return new Send(number, octets);
        }
        if (line.startsWith("R:")) {
            return new Send(number, Escapes.unescape(stripOneSpace(line.substring(2))));
        }
        if (line.startsWith("S:")) {
            try {
                return new Expect(number, Pattern.compile(stripOneSpace(line.substring(2))));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad regex: " + e.getMessage(), e);
            }
        }
        if (line.strip().equals("E:")) {
            return new ExpectClose(number);
        }
        throw new IllegalArgumentException("not a directive (C:, R:, S:, E: or #): " + line);
    }

    private static String stripOneSpace(String text) {
        return text.startsWith(" ") ? text.substring(1) : text;
    }
}
