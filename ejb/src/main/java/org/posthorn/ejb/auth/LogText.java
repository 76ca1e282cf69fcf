package org.posthorn.ejb.auth;

/** Makes client-supplied text safe for one log line: no line breaks or other controls, bounded. */
final class LogText {

    static final int MAX = 100;

    private LogText() {
    }

    static String safe(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX + 3));
        for (int i = 0; i < text.length() && i < MAX; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (text.length() > MAX) {
            out.append("...");
        }
        return out.toString();
    }
}
