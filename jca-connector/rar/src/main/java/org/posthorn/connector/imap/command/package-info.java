/**
 * Processing of IMAP commands: the session (RFC 3501 §3 states, the selected mailbox as this
 * session numbers it), the command table, the dispatcher that enforces it, and small handler classes
 * grouped by concern (login, mailboxes, LIST, SELECT, FETCH, STORE, SEARCH, COPY/MOVE, EXPUNGE, APPEND).
 *
 * <p>Input here is decoded into records but still the client's: sequence sets may reach beyond the
 * mailbox, names may not be modified UTF-7, flags may be ones no client may set, credentials may be
 * wrong. Sequence numbers live only in {@link org.posthorn.connector.imap.command.SelectedMailbox};
 * the post office is called in UIDs through {@link org.posthorn.connector.endpoint.PostOffice}, and
 * the news of others (EXISTS, EXPUNGE, FETCH FLAGS) is merged in only where RFC 3501 §7 allows.
 * Handlers touch no socket and no thread: they return an
 * {@link org.posthorn.connector.imap.command.Outcome} the connection handler carries out.
 */
package org.posthorn.connector.imap.command;
