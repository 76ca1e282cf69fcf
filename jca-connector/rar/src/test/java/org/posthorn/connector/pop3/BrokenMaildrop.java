package org.posthorn.connector.pop3;

import java.util.List;
import java.util.Optional;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.pop3.MaildropEntry;
import org.posthorn.spi.pop3.MaildropListener;

/** A maildrop whose database is down: every call throws, as a failed endpoint call would. */
public final class BrokenMaildrop implements MaildropListener {

    @Override
    public List<MaildropEntry> list(String account) {
        throw new IllegalStateException("database down");
    }

    @Override
    public Optional<MessageContent> retrieve(String account, long messageId) {
        throw new IllegalStateException("database down");
    }

    @Override
    public Optional<MailError> delete(String account, List<Long> messageIds) {
        throw new IllegalStateException("database down");
    }
}
