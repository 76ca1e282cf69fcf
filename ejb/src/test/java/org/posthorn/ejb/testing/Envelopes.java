package org.posthorn.ejb.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.smtp.SmtpEnvelope;

/** SMTP envelopes as the wire hands them to the MTA at the end of DATA. */
public final class Envelopes {

    private Envelopes() {
    }

    /** From {@code alice@sender.example} over plain SMTP from the loopback address, to the recipients. */
    public static SmtpEnvelope to(String... recipients) {
        SmtpEnvelope envelope = new SmtpEnvelope(new ClientConnection("smtp",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000), false, Optional.empty()),
                "client.sender.example", "ESMTP", Optional.of(MailAddress.of("alice@sender.example")), List.of(),
                "S1", Instant.now());
        for (String recipient : recipients) {
            envelope = envelope.withRecipient(MailAddress.of(recipient));
        }
        return envelope;
    }
}
