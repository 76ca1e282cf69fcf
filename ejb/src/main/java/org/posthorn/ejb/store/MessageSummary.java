package org.posthorn.ejb.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The header fields a mailbox listing shows, parsed once at delivery by {@link SummaryParser}.
 * Text is decoded (RFC 2047 encoded-words) and unfolded; any field may be null when the message
 * lacks it. Values longer than their column are cut ({@link #MAX_TEXT}): the full header is always
 * in the blob.
 */
@Embeddable
public class MessageSummary {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_ADDRESSES = 4000;

    @Column(name = "subject", length = MAX_TEXT)
    private String subject;

    @Column(name = "from_header", length = MAX_ADDRESSES)
    private String from;

    @Column(name = "to_header", length = MAX_ADDRESSES)
    private String to;

    @Column(name = "cc_header", length = MAX_ADDRESSES)
    private String cc;

    /** The {@code Date:} field as written. */
    @Column(name = "date_header", length = 200)
    private String date;

    /** The {@code Date:} field parsed, null when missing or unreadable; for sorting. */
    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "message_id_header", length = 1000)
    private String messageId;

    /** The top-level MIME type and subtype in lower case, e.g. {@code multipart/mixed}. */
    @Column(name = "content_type", length = 200)
    private String contentType;

    protected MessageSummary() {
        // for JPA
    }

    MessageSummary(String subject, String from, String to, String cc, String date, Instant sentAt,
                   String messageId, String contentType) {
        this.subject = subject;
        this.from = from;
        this.to = to;
        this.cc = cc;
        this.date = date;
        this.sentAt = sentAt;
        this.messageId = messageId;
        this.contentType = contentType;
    }

    public String getSubject() {
        return subject;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public String getCc() {
        return cc;
    }

    public String getDate() {
        return date;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getContentType() {
        return contentType;
    }
}
