package org.posthorn.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.posthorn.ejb.auth.PasswordPolicy;
import org.posthorn.web.console.view.ByteSizes;
import org.posthorn.web.console.view.Durations;

/** Formatting for the pages, as {@code #{formats.size(bytes)}}, {@code #{formats.time(instant)}} and the like. */
@Named
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String size(long bytes) {
        return ByteSizes.format(bytes);
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** How far off an instant is, for a next attempt: {@code in 5 min}, or {@code now} once it is due. */
    public String fromNow(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration wait = Duration.between(Instant.now(), instant);
        return wait.isNegative() || wait.isZero() ? "now" : "in " + Durations.format(wait);
    }

    /** Addresses (or other texts) in one line: {@code a@x, b@y}. */
    public String join(List<String> texts) {
        return texts == null ? "" : String.join(", ", texts);
    }

    /** The shortest password the directory accepts, for the forms' hints. */
    public int getPasswordMinLength() {
        return PasswordPolicy.MIN_LENGTH;
    }

    /** For links: the text percent-encoded as a query parameter value. */
    public String url(String text) {
        return AccountsBean.urlEncode(text == null ? "" : text);
    }
}
