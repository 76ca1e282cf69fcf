package org.posthorn.systemtest.support;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.exception.ScramException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The client's side of a SCRAM-SHA-256 exchange, by the ongres library (the PostgreSQL driver's), with
 * the messages in base64 as SASL in SMTP, IMAP and POP3 carries them. {@link #serverFinal} checks the
 * server's signature: it throws unless the server holds the keys of the password.
 */
public final class ScramClientSide {

    private final ScramClient client;

    public ScramClientSide(String user, String password) {
        this.client = ScramClient.builder()
                .advertisedMechanisms(List.of("SCRAM-SHA-256"))
                .username(user)
                .password(password.toCharArray())
                .build();
    }

    public String clientFirst() {
        return encode(client.clientFirstMessage().toString());
    }

    /** Takes the server-first message (base64) and answers with the client-final one (base64). */
    public String clientFinal(String serverFirstBase64) throws ScramException {
        client.serverFirstMessage(decode(serverFirstBase64));
        return encode(client.clientFinalMessage().toString());
    }

    /** Checks the server-final message (base64); throws if the server's signature is wrong. */
    public void serverFinal(String serverFinalBase64) throws ScramException {
        client.serverFinalMessage(decode(serverFinalBase64));
    }

    private static String encode(String message) {
        return Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
