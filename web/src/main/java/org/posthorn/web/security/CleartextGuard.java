package org.posthorn.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.posthorn.settings.Settings;

/**
 * Keeps credentials off plain HTTP (issue 5: "credentials only over TLS, loopback aside"): the console
 * and the admin API answer a client that is neither on TLS nor allowed in clear by
 * {@link CleartextPolicy} with a redirect to HTTPS (console pages read with GET) or {@code 403}.
 */
@WebFilter(urlPatterns = {"/admin/*", "/api/admin/*"})
public class CleartextGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private transient CleartextPolicy policy;
    private int httpsPort;

    @Override
    public void init() {
        policy = new CleartextPolicy(Settings.AUTH_PLAINTEXT.get());
        httpsPort = Settings.listenPort(Settings.HTTPS_PORT);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // getRemoteAddr is a literal address (the PROXY line's, behind the HTTPS relay): no DNS lookup here.
        InetAddress client = InetAddress.getByName(request.getRemoteAddr());
        switch (policy.verdict(request.isSecure(), client, request.getMethod(), path.startsWith("/admin/"))) {
            case SERVE -> chain.doFilter(request, response);
            case REDIRECT_TO_HTTPS -> {
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                response.setHeader("Location", httpsUrl(request));
            }
            case REFUSE -> {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                boolean api = path.startsWith("/api/");
                response.setContentType(api ? "application/json" : "text/plain");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                String message = "HTTPS required: credentials are accepted only over TLS (port " + httpsPort + ")";
                response.getWriter().write(api ? "{\"error\":\"" + message + "\"}" : message + "\n");
            }
        }
    }

    private String httpsUrl(HttpServletRequest request) {
        String host = request.getServerName();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        String query = request.getQueryString();
        return "https://" + host + (httpsPort == 443 ? "" : ":" + httpsPort) + request.getRequestURI()
                + (query == null ? "" : "?" + query);
    }
}
