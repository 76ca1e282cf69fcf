package org.posthorn.connector.smtp.decode;

/**
 * What {@link SmtpFrameDecoder} makes of the client's bytes: a command line, a line that is not one,
 * a whole message after {@code DATA}, or a client's line in a SASL exchange after {@code AUTH}.
 */
public sealed interface SmtpFrame permits CommandLine, BadLine, MessageData, SaslLine {
}
