package org.posthorn.connector.smtp.decode;

/**
 * What {@link SmtpFrameDecoder} makes of the client's bytes: a command line, a line that is not one,
 * or a whole message after {@code DATA}.
 */
public sealed interface SmtpFrame permits CommandLine, BadLine, MessageData {
}
