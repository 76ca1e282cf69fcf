package org.posthorn.connector.pop3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.posthorn.connector.auth.ScramTestVector;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.MailError;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.auth.AuthenticationResult;
import org.posthorn.spi.auth.Credentials;
import org.posthorn.spi.auth.ScramCredentials;

/**
 * An in-memory {@link AuthenticationListener}: logins compared case-insensitively, the account is
 * the lower-cased login. Logins registered as unavailable answer {@code TEMPORARY_FAILURE} (their
 * SCRAM look-up throws, as a broken post office does). Every user has SCRAM-SHA-256 keys of its
 * password (a salt made from the login, the minimum 4096 iterations, to keep tests fast) unless
 * {@link #scramUser} gives others.
 */
public final class InMemoryAuthenticator implements AuthenticationListener {

    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, Boolean> unavailable = new ConcurrentHashMap<>();
    private final List<Credentials> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, ScramCredentials> scramKeys = new ConcurrentHashMap<>();
    private final List<String> scramFailures = new CopyOnWriteArrayList<>();

    public InMemoryAuthenticator user(String login, String password) {
        String account = login.toLowerCase(Locale.ROOT);
        passwords.put(account, password);
        scramKeys.put(account, ScramTestVector.derive(account, password, saltOf(account), 4096));
        return this;
    }

    /** Gives {@code login} these SCRAM keys (and no password): the RFC 7677 test vector's user. */
    public InMemoryAuthenticator scramUser(String login, ScramCredentials credentials) {
        scramKeys.put(login.toLowerCase(Locale.ROOT), credentials);
        return this;
    }

    /** The logins whose SCRAM proof was reported wrong, in order. */
    public List<String> scramFailures() {
        return List.copyOf(scramFailures);
    }

    /** Makes logins as {@code login} fail as if the password store were down. */
    public InMemoryAuthenticator unavailable(String login) {
        unavailable.put(login.toLowerCase(Locale.ROOT), true);
        return this;
    }

    public List<Credentials> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public AuthenticationResult authenticate(Credentials credentials) {
        attempts.add(credentials);
        String login = credentials.login().toLowerCase(Locale.ROOT);
        if (unavailable.containsKey(login)) {
            return AuthenticationResult.failure(MailError.TEMPORARY_FAILURE);
        }
        String password = passwords.get(login);
        return password != null && password.equals(credentials.password())
                ? AuthenticationResult.success(login)
                : AuthenticationResult.failure(MailError.AUTHENTICATION_FAILED);
    }

    @Override
    public Optional<ScramCredentials> scramCredentials(String login) {
        String account = login.toLowerCase(Locale.ROOT);
        if (unavailable.containsKey(account)) {
            throw new IllegalStateException("password store down for " + account);
        }
        return Optional.ofNullable(scramKeys.get(account));
    }

    @Override
    public void scramFailed(String login, ClientConnection client) {
        scramFailures.add(login);
    }

    private static byte[] saltOf(String account) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(account.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(hash, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
