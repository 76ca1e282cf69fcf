package org.posthorn.systemtest.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal POP3 client over a raw socket that returns what RETR delivers byte-exact (dot-unstuffed),
 * so tests can compare stored messages with what was sent.
 */
public final class Pop3Mailbox extends LineClient {

    public Pop3Mailbox(int port, String user, String password) {
        super(port);
        expectOk(readLine());
        send("USER " + user);
        expectOk(readLine());
        send("PASS " + password);
        expectOk(readLine());
    }

    public int count() {
        send("STAT");
        String reply = readLine();
        expectOk(reply);
        return Integer.parseInt(reply.split(" ")[1]);
    }

    /** The unique ids of all messages, in maildrop order. */
    public List<String> uidl() {
        send("UIDL");
        expectOk(readLine());
        List<String> ids = new ArrayList<>();
        for (String line = readLine(); !".".equals(line); line = readLine()) {
            ids.add(line.split(" ")[1]);
        }
        return ids;
    }

    /** The message's exact bytes. */
    public byte[] retrieve(int number) {
        send("RETR " + number);
        expectOk(readLine());
        var message = new ByteArrayOutputStream();
        while (true) {
            byte[] line = readLineBytes();
            if (line == null) {
                throw new AssertionError("connection closed inside RETR");
            }
            if (line.length == 1 && line[0] == '.') {
                return message.toByteArray();
            }
            int start = line.length > 0 && line[0] == '.' ? 1 : 0;
            message.write(line, start, line.length - start);
            message.write('\r');
            message.write('\n');
        }
    }

    public void delete(int number) {
        send("DELE " + number);
        expectOk(readLine());
    }

    public void quit() {
        send("QUIT");
        expectOk(readLine());
    }

    private static void expectOk(String line) {
        assertThat(line).as("POP3 reply").startsWith("+OK");
    }
}
