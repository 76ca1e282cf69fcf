package org.posthorn.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.posthorn.ejb.auth.PasswordPolicy;
import org.posthorn.web.console.view.ByteSizes;

/** Formatting for the pages, as {@code #{formats.size(bytes)}} and {@code #{formats.time(instant)}}. */
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

    /** The shortest password the directory accepts, for the forms' hints. */
    public int getPasswordMinLength() {
        return PasswordPolicy.MIN_LENGTH;
    }

    /** For links: the text percent-encoded as a query parameter value. */
    public String url(String text) {
        return AccountsBean.urlEncode(text == null ? "" : text);
    }
}
