package org.posthorn.connector.auth;

import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import com.ongres.scram.common.StringPreparation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.posthorn.spi.auth.ScramCredentials;

/**
 * The SCRAM-SHA-256 exchange of RFC 7677 §3 (user "user", password "pencil"), and what the tests need
 * to replay it: the account's keys, derived by the ongres library's client-side code (so the server
 * side is checked against an independent implementation), and {@link ScramServers} that hand out the
 * RFC's server nonce.
 */
public final class ScramTestVector {

    public static final String USER = "user";
    public static final String PASSWORD = "pencil";
    public static final String SALT = "W22ZaJ0SNY7soEsUEjb6gQ==";
    public static final int ITERATIONS = 4096;
    public static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    public static final String CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
    public static final String SERVER_FIRST = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    public static final String CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    public static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    private ScramTestVector() {
    }

    /** The keys of {@code password} with {@code salt} and {@code iterations}, as the client derives them. */
    public static ScramCredentials derive(String account, String password, byte[] salt, int iterations) {
        ScramMechanism sha256 = ScramMechanism.SCRAM_SHA_256;
        byte[] salted = ScramFunctions.saltedPassword(sha256, StringPreparation.SASL_PREPARATION, password.toCharArray(),
                salt, iterations);
        return new ScramCredentials(account, salt, iterations,
                ScramFunctions.storedKey(sha256, ScramFunctions.clientKey(sha256, salted)),
                ScramFunctions.serverKey(sha256, salted));
    }

    /** The keys of "user" / "pencil", with the RFC's salt and iteration count. */
    public static ScramCredentials credentials() {
        return derive(USER, PASSWORD, Base64.getDecoder().decode(SALT), ITERATIONS);
    }

    /** Exchanges that use the RFC's server nonce, so that the recorded client messages fit. */
    public static ScramServers servers() {
        return new ScramServers(ScramDecoys.ephemeral(), () -> SERVER_NONCE);
    }

    public static String base64(String message) {
        return Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8));
    }
}
