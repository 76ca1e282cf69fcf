/**
 * Processing of POP3 commands: the session state machine (RFC 1939 §3: AUTHORIZATION, TRANSACTION,
 * UPDATE), the command table, the dispatcher that enforces it, and one small class per command.
 *
 * <p>Input here is already decoded into records, but still the client's: message numbers may be
 * out of range or refer to deleted messages, credentials may be wrong, a second session may want a
 * locked maildrop. Commands touch no socket and no thread: they read and change the
 * {@link org.posthorn.connector.pop3.command.Pop3Session} and return an
 * {@link org.posthorn.connector.pop3.command.Outcome}, a reply or a call into the post office to be
 * continued on the connection's event loop. They call the post office only through
 * {@link org.posthorn.connector.endpoint.PostOffice}.
 */
package org.posthorn.connector.pop3.command;
