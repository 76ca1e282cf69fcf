package org.posthorn.ejb.mta;

import java.util.Optional;
import org.posthorn.spi.MailAddress;

/**
 * Writes an address as an RFC 5321 §4.1.2 {@code Path} for trace header fields: {@code <local@domain>},
 * the local part as a dot-string when it is one and as a quoted string otherwise, and {@code <>} for
 * the null reverse-path.
 */
final class MailPath {

    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private MailPath() {
    }

    static String of(Optional<MailAddress> address) {
        return address.map(MailPath::of).orElse("<>");
    }

    static String of(MailAddress address) {
        return "<" + localPart(address.localPart()) + "@" + address.domain() + ">";
    }

    private static String localPart(String localPart) {
        if (isDotString(localPart)) {
            return localPart;
        }
        StringBuilder quoted = new StringBuilder(localPart.length() + 2).append('"');
        for (int i = 0; i < localPart.length(); i++) {
            char c = localPart.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    /** RFC 5321 {@code Dot-string}; non-ASCII counts as atext (RFC 6531 §3.3). */
    private static boolean isDotString(String s) {
        if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
            return false;
        }
        return s.chars().allMatch(c -> c == '.' || c >= 0x80 || (c < 0x80 && Character.isLetterOrDigit(c))
                || ATEXT_SPECIALS.indexOf(c) >= 0);
    }
}
