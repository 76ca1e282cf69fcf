/**
 * The one password store for SMTP AUTH, POP3, IMAP and the web: bcrypt hashes, the check, and the
 * rules for new passwords; and the most recent refused logins of every service, in memory, for the
 * admin console ({@link org.posthorn.ejb.auth.LoginFailures}).
 *
 * <p>Untrusted input: logins and passwords from any client. A password is never logged, stored in
 * clear or put in an exception message; a login is logged only after {@code LogText} made it one
 * harmless line. Failures answer the same way, after the same work, whatever the reason.
 */
package org.posthorn.ejb.auth;
