package org.posthorn.web.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The signed-in administrator, kept as one attribute of the HTTP session. Signing in changes the
 * session id (against session fixation); signing out ends the session.
 */
public final class ConsoleSession {

    static final String ADMIN_ATTRIBUTE = "org.posthorn.console.admin";

    private ConsoleSession() {
    }

    /** Records {@code adminName} as signed in, under a new session id. */
    public static void signIn(HttpServletRequest request, String adminName) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(ADMIN_ATTRIBUTE, adminName);
    }

    /** The administrator signed in with this request's session, if any. */
    public static Optional<String> admin(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((String) session.getAttribute(ADMIN_ATTRIBUTE));
    }

    /** Ends the session, if there is one. */
    public static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
