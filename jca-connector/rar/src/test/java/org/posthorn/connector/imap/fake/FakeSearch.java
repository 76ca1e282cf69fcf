package org.posthorn.connector.imap.fake;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.posthorn.spi.imap.BodyPart;
import org.posthorn.spi.imap.SearchCriteria;

/**
 * Evaluates {@link SearchCriteria} on one message of the fake store, with the semantics the SPI states:
 * case-insensitive substring matches on decoded text (RFC 2047 in headers, the transfer encoding and
 * charset of {@code text/*} parts for BODY and TEXT), calendar days for dates.
 */
final class FakeSearch {

    private static final Pattern DAY = Pattern.compile("(\\d{1,2})\\s+([A-Za-z]{3})\\s+(\\d{4})");
    private static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT);

    private FakeSearch() {
    }

    static boolean matches(SearchCriteria criteria, FakeMessage message, ZoneId zone) {
        if (criteria instanceof SearchCriteria.All) {
            return true;
        }
        if (criteria instanceof SearchCriteria.And and) {
            return and.all().stream().allMatch(c -> matches(c, message, zone));
        }
        if (criteria instanceof SearchCriteria.Or or) {
            return matches(or.left(), message, zone) || matches(or.right(), message, zone);
        }
        if (criteria instanceof SearchCriteria.Not not) {
            return !matches(not.criterion(), message, zone);
        }
        if (criteria instanceof SearchCriteria.Uids uids) {
            return uids.uids().contains(message.uid);
        }
        if (criteria instanceof SearchCriteria.HasFlag has) {
            return message.flags.stream().anyMatch(f -> f.equalsIgnoreCase(has.flag()));
        }
        if (criteria instanceof SearchCriteria.HeaderContains header) {
            var values = MimeParts.values(message.bytes, 0, (int) message.structure.bodyStart(), header.field());
            return !values.isEmpty() && values.stream().anyMatch(v -> contains(decodeHeader(v), header.text()));
        }
        if (criteria instanceof SearchCriteria.BodyContains body) {
            return contains(bodyText(message, message.structure), body.text());
        }
        if (criteria instanceof SearchCriteria.TextContains text) {
            String header = new String(message.bytes, 0, (int) message.structure.bodyStart(), StandardCharsets.UTF_8);
            return contains(decodeHeader(MimeUtility.unfold(header)), text.text())
                    || contains(bodyText(message, message.structure), text.text());
        }
        if (criteria instanceof SearchCriteria.InternalDate date) {
            return compare(date.comparison(), message.internalDate.atZone(zone).toLocalDate(), date.date());
        }
        if (criteria instanceof SearchCriteria.SentDate date) {
            LocalDate sent = sentDay(message.envelope.date());
            return sent != null && compare(date.comparison(), sent, date.date());
        }
        if (criteria instanceof SearchCriteria.Size size) {
            return size.larger() ? message.bytes.length > size.octets() : message.bytes.length < size.octets();
        }
        return message.modSeq >= ((SearchCriteria.ModSeqAtLeast) criteria).modSeq();
    }

    private static boolean compare(SearchCriteria.Comparison comparison, LocalDate day, LocalDate given) {
        return switch (comparison) {
            case BEFORE -> day.isBefore(given);
            case ON -> day.isEqual(given);
            case SINCE -> !day.isBefore(given);
        };
    }

    private static boolean contains(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    /** The day of a Date: header as written, in the header's own zone; null if it has none. */
    private static LocalDate sentDay(String date) {
        if (date == null) {
            return null;
        }
        Matcher day = DAY.matcher(date);
        if (!day.find()) {
            return null;
        }
        String month = day.group(2).substring(0, 1).toUpperCase(Locale.ROOT) + day.group(2).substring(1).toLowerCase(Locale.ROOT);
        try {
            return LocalDate.parse(day.group(1) + " " + month + " " + day.group(3), DAY_FORMAT);
        } catch (java.time.format.DateTimeParseException unreadable) {
            return null;
        }
    }

    private static String decodeHeader(String value) {
        try {
            return MimeUtility.decodeText(value);
        } catch (UnsupportedEncodingException unknownCharset) {
            return value;
        }
    }

    /** The decoded text of the {@code text/*} parts, a message/rfc822's own parts included. */
    private static String bodyText(FakeMessage message, BodyPart part) {
        if (part.isMultipart()) {
            StringBuilder all = new StringBuilder();
            part.children().forEach(child -> all.append(bodyText(message, child)).append('\n'));
            return all.toString();
        }
        if (part.message().isPresent()) {
            return bodyText(message, part.message().get().body());
        }
        if (!part.type().equals("text")) {
            return "";
        }
        int from = (int) part.bodyStart();
        try (InputStream decoded = MimeUtility.decode(new ByteArrayInputStream(message.bytes, from, (int) part.end() - from),
                part.encoding().toLowerCase(Locale.ROOT))) {
            return new String(decoded.readAllBytes(), charset(part.parameters().get("charset")));
        } catch (IOException | MessagingException unreadable) {
            return new String(message.bytes, from, (int) part.end() - from, StandardCharsets.ISO_8859_1);
        }
    }

    private static Charset charset(String name) {
        try {
            return name == null || name.equalsIgnoreCase("us-ascii") ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
