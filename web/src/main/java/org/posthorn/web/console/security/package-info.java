/**
 * Who is signed in to the admin console, and the filter that keeps everyone else out of
 * {@code /admin/*}.
 *
 * <p>Untrusted input: every request to {@code /admin/*}. The only thing trusted is the session
 * attribute {@link org.posthorn.web.console.security.ConsoleSession} sets after a successful sign-in
 * checked by {@link org.posthorn.ejb.auth.Authenticator}. Cross-site request forgery is stopped by
 * Faces itself: with server-side state saving every postback must carry the page's unguessable
 * {@code jakarta.faces.ViewState} token, and a POST without a known one changes nothing.
 */
package org.posthorn.web.console.security;
