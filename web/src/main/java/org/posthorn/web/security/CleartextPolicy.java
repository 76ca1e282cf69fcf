package org.posthorn.web.security;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Whether a request may carry credentials (the console's sign-in and session, the API's Basic
 * authentication) without TLS: the rule of {@code posthorn.auth.plaintext} for the mail protocols,
 * applied to the web. {@code loopback} (the default) lets a local script or proxy talk plain HTTP; every
 * other client is sent to HTTPS ({@code GET} and {@code HEAD} of console pages) or refused.
 */
public final class CleartextPolicy {

    /** What to do with one request. */
    public enum Verdict {
        /** Over TLS, or allowed in clear: serve it. */
        SERVE,
        /** A page read in clear: the same address over HTTPS instead (nothing secret was sent yet). */
        REDIRECT_TO_HTTPS,
        /** Anything else in clear: refuse; a client must not be taught to send its credentials so. */
        REFUSE
    }

    private final String mode;

    /** @param mode {@code never}, {@code loopback} or {@code always}, as the setting gives it */
    public CleartextPolicy(String mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        if (!mode.equals("never") && !mode.equals("loopback") && !mode.equals("always")) {
            throw new IllegalArgumentException("not a plaintext policy: " + mode);
        }
    }

    public Verdict verdict(boolean secure, InetAddress client, String method, boolean consolePage) {
        boolean allowed = secure || mode.equals("always") || (mode.equals("loopback") && client.isLoopbackAddress());
        if (allowed) {
            return Verdict.SERVE;
        }
        boolean read = method.equals("GET") || method.equals("HEAD");
        return read && consolePage ? Verdict.REDIRECT_TO_HTTPS : Verdict.REFUSE;
    }
}
