package org.posthorn.connector.smtp.decode;

import org.posthorn.connector.codec.DotUnstuffer;

/**
 * A message read after {@code DATA}, up to its {@code CRLF "." CRLF}. The content is never more than
 * the size limit; whether the message may be accepted at all is for the processor to decide from the
 * report.
 *
 * @param content the unstuffed octets that were kept (truncated when {@code report.tooBig()}); whoever
 *                handles the frame discards it when done
 * @param report  size, bare CR/LF, over-long lines, spool failure
 * @param headerTooLarge the header section was over its limit; then the content is only its beginning
 */
public record MessageData(SpooledMessage content, DotUnstuffer.Report report, boolean headerTooLarge)
        implements SmtpFrame {

    /** Whether nothing stands in the way of handing the message on. */
    public boolean isAcceptable() {
        return report.isAcceptable() && !headerTooLarge;
    }
}
