package org.posthorn.connector.smtp;

import java.time.Duration;

/** The configuration the SMTP socket tests and conversation scripts are written for: small limits. */
final class SmtpTestSupport {

    static final String HOSTNAME = "mx.example.test";

    /** 1024-octet messages, 3 recipients, 5 bad commands, 2 s of silence. */
    static final SmtpConfig SMALL_LIMITS = SmtpConfig.of(HOSTNAME, 1024, 3, 5, Duration.ofSeconds(2));

    private SmtpTestSupport() {
    }
}
