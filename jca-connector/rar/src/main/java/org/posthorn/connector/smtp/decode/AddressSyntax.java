package org.posthorn.connector.smtp.decode;

/**
 * Character classes of RFC 5321 §4.1.2 (widened by RFC 6531 §3.3) and the inside of address literals
 * (§4.1.3), for {@link PathParser}. Pure syntax: no lookups, nothing resolved
 * ({@code InetAddress.getByName} would query DNS for anything that is not a literal).
 */
final class AddressSyntax {

    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private AddressSyntax() {
    }

    /** {@code Let-dig}, widened to the letters, digits and combining marks of U-labels (RFC 6531 §3.3). */
    static boolean isLetDig(int cp) {
        if (cp < 128) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        int type = Character.getType(cp);
        return isUtf8Text(cp) && (Character.isLetterOrDigit(cp)
                || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK);
    }

    static boolean isAtext(int cp) {
        if (cp < 128) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9'
                    || ATEXT_SPECIALS.indexOf(cp) >= 0;
        }
        return isUtf8Text(cp);
    }

    /** UTF8-non-ascii of RFC 6531, less what could hide a line end or a space. */
    static boolean isUtf8Text(int cp) {
        return cp >= 128 && !Character.isISOControl(cp) && !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
                && Character.getType(cp) != Character.FORMAT && Character.isDefined(cp);
    }

    /** {@code IPv4-address-literal = Snum 3("." Snum)}, {@code Snum = 1*3DIGIT} with a value of 0–255. */
    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code IPv6-addr = IPv6-full / IPv6-comp / IPv6v4-full / IPv6v4-comp}: eight groups, or fewer
     * around one {@code "::"} that stands for at least two (so at most six besides it); with a trailing
     * IPv4 address, six groups or at most four besides the {@code "::"}.
     */
    static boolean isIpv6(String s) {
        int groups = 8;
        String head = s;
        int lastColon = s.lastIndexOf(':');
        if (lastColon < 0) {
            return false;
        }
        String tail = s.substring(lastColon + 1);
        if (tail.indexOf('.') >= 0) {
            if (!isIpv4(tail)) {
                return false;
            }
            groups = 6;
            head = s.substring(0, lastColon + 1);
            if (!head.endsWith("::")) {
                head = head.substring(0, head.length() - 1);
            }
        }
        int gap = head.indexOf("::");
        if (gap < 0) {
            return countGroups(head) == groups;
        }
        if (head.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        int left = countGroups(head.substring(0, gap));
        int right = countGroups(head.substring(gap + 2));
        return left >= 0 && right >= 0 && left + right <= groups - 2;
    }

    /** {@code General-address-literal = Standardized-tag ":" 1*dcontent}, {@code dcontent = %d33-90 / %d94-126}. */
    static boolean isGeneral(String s) {
        int colon = s.indexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            return false;
        }
        String tag = s.substring(0, colon);
        boolean tagOk = tag.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-'))
                && tag.charAt(tag.length() - 1) != '-';
        return tagOk && s.substring(colon + 1).chars().allMatch(c -> c >= 33 && c <= 126 && c != '[' && c != '\\' && c != ']');
    }

    /** The number of {@code 1*4HEXDIG} groups separated by single colons; 0 for empty, -1 if malformed. */
    private static int countGroups(String part) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] groups = part.split(":", -1);
        for (String group : groups) {
            if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
                return -1;
            }
        }
        return groups.length;
    }
}
