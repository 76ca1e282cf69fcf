package org.posthorn.connector.pop3.decode;

import java.util.Base64;

/**
 * A client's SASL response (RFC 5034 §4): a continuation line or the initial response of
 * {@code AUTH}, in base64, or {@code "*"} to cancel. In an initial response {@code "="} stands for
 * an empty response.
 */
public sealed interface SaslResponse {

    /**
     * The longest continuation line accepted, in octets without CRLF: base64 of a PLAIN message of
     * three 255-octet fields is 1,024; we leave room for larger mechanisms later.
     */
    int MAX_OCTETS = 4096;

    /** The decoded response. */
    record Data(byte[] bytes) implements SaslResponse {
    }

    /** {@code "*"}: the client gives up the exchange. */
    record Cancel() implements SaslResponse {
    }

    /** Not base64. */
    record Malformed() implements SaslResponse {
    }

    /** A continuation line. */
    static SaslResponse continuation(InputLine.Text line) {
        String text = line.text();
        if (line.octets() > MAX_OCTETS) {
            return new Malformed();
        }
        if (text.equals("*")) {
            return new Cancel();
        }
        return base64(text);
    }

    /** The initial response of {@code AUTH mechanism initial-response}. */
    static SaslResponse initial(String text) {
        if (text.equals("=")) {
            return new Data(new byte[0]);
        }
        if (text.equals("*")) {
            return new Cancel();
        }
        return base64(text);
    }

    private static SaslResponse base64(String text) {
        // An empty continuation line is an empty response; "=" only marks one in the AUTH line.
        try {
            return new Data(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException notBase64) {
            // The decoder's only way to say "not base64"; the client learns it from the reply.
            return new Malformed();
        }
    }
}
