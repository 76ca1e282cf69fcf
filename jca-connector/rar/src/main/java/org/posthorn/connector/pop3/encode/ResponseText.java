package org.posthorn.connector.pop3.encode;

/**
 * Makes text safe for one response line: RFC 1939 §3 responses are single lines of printable
 * ASCII ended by CRLF, so control characters (CR and LF above all) are dropped and anything outside
 * ASCII becomes {@code ?}. Applied to every text a {@link Pop3Response} carries.
 */
public final class ResponseText {

    /** RFC 2449 §4: a response line is at most 512 octets including CRLF; text stays well inside. */
    public static final int MAX_LENGTH = 400;

    private ResponseText() {
    }

    /** The printable ASCII of {@code text}, controls removed, at most {@link #MAX_LENGTH} characters. */
    public static String sanitize(String text) {
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && safe.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                safe.append(c);
            } else if (c > 0x7f && !Character.isISOControl(c) && !Character.isLowSurrogate(c)) {
                safe.append('?');
            }
        }
        return safe.toString();
    }

    /** A short echo of client input for an error text: sanitized and cut to {@code max} characters. */
    public static String echo(String clientText, int max) {
        String safe = sanitize(clientText);
        return safe.length() <= max ? safe : safe.substring(0, max) + "...";
    }
}
