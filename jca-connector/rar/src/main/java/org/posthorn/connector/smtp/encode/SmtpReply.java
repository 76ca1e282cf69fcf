package org.posthorn.connector.smtp.encode;

import java.util.List;
import java.util.Objects;

/**
 * One SMTP reply (RFC 5321 §4.2): a three-digit code, the enhanced status code of RFC 2034 / RFC 3463
 * when it carries one, and one or more lines of text. The text may hold anything, also what the client
 * sent: {@link ReplyFormatter} makes it safe when it is written.
 *
 * <p>Which replies carry an enhanced status code (RFC 2034 §3): every 2xx, 4xx and 5xx reply except
 * the greeting and the positive replies to {@code HELO}/{@code EHLO}; no 3xx reply (so not
 * {@code 354}). {@link #plain} builds the exceptions, {@link #of} the rest, and the constructor checks
 * that the status agrees with the code's class.
 *
 * @param code   the reply code, 200–599
 * @param status the enhanced status code such as {@code 5.1.1}, or {@code null} for none
 * @param lines  the text, one entry per reply line; at least one
 */
public record SmtpReply(int code, String status, List<String> lines) {

    public SmtpReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("not a reply code: " + code);
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one line");
        }
        if (status != null && !status.matches("[245]\\.\\d{1,3}\\.\\d{1,3}")) {
            throw new IllegalArgumentException("not an enhanced status code: " + status);
        }
        if (status != null && status.charAt(0) - '0' != code / 100) {
            throw new IllegalArgumentException("status " + status + " disagrees with code " + code);
        }
        if (status == null && code / 100 != 3 && !isExempt(code)) {
            throw new IllegalArgumentException(code + " needs an enhanced status code (RFC 2034 §3)");
        }
    }

    /** A one-line reply with an enhanced status code. */
    public static SmtpReply of(int code, String status, String text) {
        return new SmtpReply(code, Objects.requireNonNull(status, "status"), List.of(text));
    }

    /** A reply without an enhanced status code: the greeting, the answers to HELO/EHLO, and 3xx. */
    public static SmtpReply plain(int code, String... lines) {
        return new SmtpReply(code, null, List.of(lines));
    }

    // 220 greeting and 250 to HELO/EHLO are the codes RFC 2034 exempts; the caller knows which it means.
    private static boolean isExempt(int code) {
        return code == 220 || code == 250;
    }
}
