/**
 * The INBOX as a POP3 maildrop.
 *
 * <p>Untrusted input: message ids from the wire, always looked up together with the authenticated
 * account, so an id of another account's message reads as not existing.
 */
package org.posthorn.ejb.pop3;
