package org.posthorn.connector.pop3;

import org.posthorn.connector.auth.PlaintextAuthPolicy;
import java.time.Duration;
import org.posthorn.connector.auth.ScramTestVector;

/**
 * The accounts and messages of the POP3 tests and conversation scripts: alice has three messages,
 * the second with lines that start with {@code "."}, the third without a final line end; bob has
 * none; the password store is "down" for {@code flaky@example.test}.
 */
public final class Pop3Fixtures {

    public static final String ALICE = "alice@example.test";
    public static final String ALICE_PASSWORD = "alice-password";
    public static final String BOB = "bob@example.test";
    public static final String BOB_PASSWORD = "bob password with spaces";
    public static final String FLAKY = "flaky@example.test";

    public static final String MESSAGE_1 = """
            From: bob@example.test\r
            To: alice@example.test\r
            Subject: Hello\r
            \r
            Hi Alice,\r
            lunch on Friday?\r
            Bob\r
            """;
    public static final String MESSAGE_2 = """
            From: carol@example.test\r
            To: alice@example.test\r
            Subject: Dots\r
            \r
            Line one\r
            .hidden line\r
            .\r
            ..two dots\r
            last line\r
            """;
    public static final String MESSAGE_3 = "From: dave@example.test\r\nSubject: No final line end\r\n\r\nbody without CRLF";

    private Pop3Fixtures() {
    }

    public static InMemoryMaildrops maildrops() {
        return new InMemoryMaildrops()
                .add(ALICE, "uid-1", MESSAGE_1)
                .add(ALICE, "uid-2", MESSAGE_2)
                .add(ALICE, "uid-3", MESSAGE_3);
    }

    public static InMemoryAuthenticator authenticator() {
        return new InMemoryAuthenticator()
                .user(ALICE, ALICE_PASSWORD)
                .user(BOB, BOB_PASSWORD)
                .scramUser(ScramTestVector.USER, ScramTestVector.credentials())
                .unavailable(FLAKY);
    }

    /**
     * Fast settings: failed logins wait 50 ms, five bad commands close the connection; passwords are
     * accepted without TLS from anywhere (the embedded-channel tests' clients are not on loopback).
     */
    public static Pop3Config fastConfig() {
        return new Pop3Config("pop.example.test", Duration.ofMinutes(10), Duration.ofMillis(50), 5,
                PlaintextAuthPolicy.ALWAYS);
    }
}
