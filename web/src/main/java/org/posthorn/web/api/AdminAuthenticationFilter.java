package org.posthorn.web.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Optional;
import org.posthorn.ejb.auth.AuthenticatedAccount;
import org.posthorn.ejb.auth.Authenticator;
import org.posthorn.ejb.auth.LoginFailures;
import org.posthorn.ejb.auth.WebLoginThrottle;

/**
 * HTTP Basic authentication (RFC 7617) for {@link AdminOnly} resources, against the same password
 * store as the mail protocols. No or wrong credentials: {@code 401} with a challenge; a valid account
 * without the ADMIN role: {@code 403}; an address or login with too many recent failures ({@link WebLoginThrottle}):
 * {@code 429} with {@code Retry-After}, the password unchecked.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AdminAuthenticationFilter implements ContainerRequestFilter {

    static final String CHALLENGE = "Basic realm=\"Posthorn\"";
    static final String SERVICE = "admin API";

    @Inject
    Authenticator authenticator;

    @Inject
    LoginFailures failures;

    @Inject
    WebLoginThrottle throttle;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        String address = servletRequest.getRemoteAddr();
        Optional<Duration> throttled = credentials.flatMap(given -> throttle.refusal(address, given.login()));
        if (throttled.isPresent()) {
            failures.record(SERVICE, credentials.get().login(), address);
            // RFC 6585 §4: too many requests, and when to come back.
            request.abortWith(Response.fromResponse(ErrorResponses.of(Response.Status.TOO_MANY_REQUESTS,
                            "too many failed logins; try again later"))
                    .header(HttpHeaders.RETRY_AFTER, Math.max(1, throttled.get().toSeconds()))
                    .build());
            return;
        }
        Optional<AuthenticatedAccount> account = credentials
                .flatMap(given -> authenticator.authenticate(given.login(), given.password()));
        if (account.isEmpty()) {
            // A request without credentials is how HTTP Basic starts, not a failed login.
            credentials.ifPresent(given -> {
                throttle.failed(address, given.login());
                failures.record(SERVICE, given.login(), address);
            });
            request.abortWith(Response.fromResponse(
                            ErrorResponses.of(Response.Status.UNAUTHORIZED, "authentication required"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                    .build());
        } else if (!account.get().isAdmin()) {
            request.abortWith(ErrorResponses.of(Response.Status.FORBIDDEN, "the ADMIN role is required"));
        }
    }
}
