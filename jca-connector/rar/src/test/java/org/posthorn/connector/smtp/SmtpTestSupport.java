package org.posthorn.connector.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.posthorn.connector.auth.PlaintextAuthPolicy;
import org.posthorn.connector.auth.ScramTestVector;
import org.posthorn.connector.auth.Throttles;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.smtp.command.SmtpLogin;
import org.posthorn.connector.tls.SslContextSource;
import org.posthorn.connector.tls.TlsTestSupport;

/** The configuration the SMTP socket tests and conversation scripts are written for: small limits. */
final class SmtpTestSupport {

    static final String HOSTNAME = "mx.example.test";

    /** 1024-octet messages, 3 recipients, 5 bad commands, 2 s of silence. */
    static final SmtpConfig SMALL_LIMITS = SmtpConfig.of(HOSTNAME, 1024, 3, 5, Duration.ofSeconds(2));

    /** Submission with the small limits but 10 bad commands, AUTH required, plaintext AUTH from loopback. */
    static final SmtpConfig SUBMISSION = new SmtpConfig("submission", HOSTNAME, 1024, 3, 10, Duration.ofSeconds(2),
            false, true, PlaintextAuthPolicy.LOOPBACK);

    /** How long the first failed login waits for its answer in these tests. */
    static final Duration FAILURE_DELAY = Duration.ofMillis(20);

    /**
     * A submission listener with {@link #SUBMISSION}, its own default throttle, STARTTLS if {@code tls} is there;
     * SCRAM exchanges use RFC 7677's server nonce, so that scripts can replay its exchange.
     */
    static SmtpProtocol submission(PostOffice postOffice, Optional<SslContextSource> tls) {
        return SmtpProtocol.submission(postOffice, SUBMISSION, new SmtpLogin(postOffice, Throttles.standard(), FAILURE_DELAY,
                ScramTestVector.servers()),
                tls);
    }

    /** The keywords of a multi-line EHLO reply, without the greeting line. */
    static List<String> ehloKeywords(InputStream in) throws IOException {
        List<String> keywords = new ArrayList<>();
        String line = TlsTestSupport.readLine(in);
        assertThat(line).startsWith("250-");
        do {
            line = TlsTestSupport.readLine(in);
            keywords.add(line.substring(4));
        } while (line.startsWith("250-"));
        return keywords;
    }

    private SmtpTestSupport() {
    }
}
