/**
 * SMTP replies and the only code that turns them into bytes.
 *
 * <p>Untrusted input: the text of a reply may echo the client (its HELO name, an address, a parameter
 * name). {@link org.posthorn.connector.smtp.encode.ReplyFormatter} strips line ends and other controls
 * from every reply line, so no client can make the server send a line it did not mean to. Touches
 * nothing but the outbound buffer.
 */
package org.posthorn.connector.smtp.encode;
