package org.posthorn.web.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Guards {@code /admin/*}: anyone not signed in is sent to the sign-in page (303, so a POST becomes a
 * GET and nothing is carried out). Every console answer gets headers that keep it out of caches and
 * frames and allow no script or style from anywhere but the server itself (the pages use neither
 * inline scripts nor inline styles).
 */
@WebFilter(urlPatterns = "/admin/*")
public class AdminConsoleFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The sign-in page, relative to the context root. */
    public static final String LOGIN_PAGE = "/admin/login.xhtml";

    /** Pages anyone may see. */
    private static final Set<String> PUBLIC_PAGES = Set.of(LOGIN_PAGE, "/admin/error.xhtml");

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (PUBLIC_PAGES.contains(path) || ConsoleSession.admin(request).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + LOGIN_PAGE);
    }
}
