package org.posthorn.ejb.auth;

import java.time.Instant;

/**
 * One refused login, as the admin console lists them.
 *
 * @param time          when it was refused
 * @param service       where: {@code SMTP}, {@code POP3}, {@code admin API}, {@code admin console}, ...
 * @param login         the login tried, made safe for display and logs by {@link LogText#safe}
 * @param remoteAddress the client's address as text
 */
public record LoginFailure(Instant time, String service, String login, String remoteAddress) {
}
