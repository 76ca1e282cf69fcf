package org.posthorn.connector.imap.decode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The two date forms of RFC 3501 §9, parsed strictly: every field must be in range and the day must
 * exist in its month ({@code 30-Feb-2024} is refused, not moved to March). Month names are
 * case-insensitive, as ABNF strings are.
 */
final class ImapDates {

    static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

    private ImapDates() {
    }

    /**
     * {@code date = date-text / DQUOTE date-text DQUOTE}, {@code date-text = date-day "-" date-month
     * "-" date-year}, {@code date-day = 1*2DIGIT}: a SEARCH date such as {@code 1-Feb-1994}.
     */
    static LocalDate date(ImapReader in) {
        boolean quoted = in.skip('"');
        int day = digits(in, 1, 2);
        in.expect('-');
        int month = month(in);
        in.expect('-');
        int year = digits(in, 4, 4);
        if (quoted) {
            in.expect('"');
        }
        if (day < 1 || !YearMonth.of(year, month).isValidDay(day)) {
            throw SyntaxError.syntax("No such date");
        }
        return LocalDate.of(year, month, day);
    }

    /**
     * {@code date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE},
     * {@code date-day-fixed = (SP DIGIT) / 2DIGIT}, {@code time = 2DIGIT ":" 2DIGIT ":" 2DIGIT},
     * {@code zone = ("+" / "-") 4DIGIT}: APPEND's internal date such as
     * {@code "17-Jul-1996 02:44:25 -0700"}. Leap seconds are refused, as are zones beyond ±18:00.
     */
    static OffsetDateTime dateTime(ImapReader in) {
        in.expect('"');
        int day = in.skip(' ') ? digits(in, 1, 1) : digits(in, 2, 2);
        in.expect('-');
        int month = month(in);
        in.expect('-');
        int year = digits(in, 4, 4);
        in.sp();
        int hour = digits(in, 2, 2);
        in.expect(':');
        int minute = digits(in, 2, 2);
        in.expect(':');
        int second = digits(in, 2, 2);
        in.sp();
        int sign = in.skip('+') ? 1 : in.skip('-') ? -1 : 0;
        if (sign == 0) {
            throw SyntaxError.syntax("Expected a time zone");
        }
        int zoneHours = digits(in, 2, 2);
        int zoneMinutes = digits(in, 2, 2);
        in.expect('"');
        if (day < 1 || !YearMonth.of(year, month).isValidDay(day)) {
            throw SyntaxError.syntax("No such date");
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw SyntaxError.syntax("No such time");
        }
        if (zoneMinutes > 59 || zoneHours * 60 + zoneMinutes > 18 * 60) {
            throw SyntaxError.syntax("No such time zone");
        }
        ZoneOffset zone = ZoneOffset.ofTotalSeconds(sign * (zoneHours * 3600 + zoneMinutes * 60));
        return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second), zone);
    }

    /** {@code date-month}: 1 to 12. */
    private static int month(ImapReader in) {
        StringBuilder name = new StringBuilder(3);
        for (int i = 0; i < 3; i++) {
            int c = in.next();
            name.append((char) (c >= 'a' && c <= 'z' ? c - 32 : c));
        }
        int month = MONTHS.indexOf(name.toString());
        if (month < 0) {
            throw SyntaxError.syntax("Bad month");
        }
        return month + 1;
    }

    /** {@code min} to {@code max} decimal digits. */
    private static int digits(ImapReader in, int min, int max) {
        int value = 0;
        int count = 0;
        while (count < max && Chars.isDigit(in.peek())) {
            value = value * 10 + in.next() - '0';
            count++;
        }
        if (count < min) {
            throw SyntaxError.syntax("Expected digits in date");
        }
        return value;
    }
}
