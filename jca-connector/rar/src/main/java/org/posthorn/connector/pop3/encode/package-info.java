/**
 * POP3 responses as values and the encoder, the only code that writes POP3 bytes.
 *
 * <p>Untrusted input reaches this package only as text echoed in a response (a command name, a
 * mechanism) and as message content from the post office. Response values strip everything but
 * printable ASCII from their text when they are built, so no client input can end a response line
 * early or forge another one (STYLE 7). Message bodies are dot-stuffed on the way out
 * ({@link org.posthorn.connector.codec.DotStuffer}). May touch Netty buffers; nothing else.
 */
package org.posthorn.connector.pop3.encode;
