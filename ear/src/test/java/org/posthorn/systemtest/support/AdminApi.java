package org.posthorn.systemtest.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A client of the admin REST API, as a script or the console would use it. */
public final class AdminApi {

    /** The admin password the test server is started with (arquillian.xml). */
    public static final String TEST_ADMIN_PASSWORD = "admin-secret-for-tests";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization;

    public AdminApi(int httpPort, String user, String password) {
        this.base = "http://127.0.0.1:" + httpPort;
        this.authorization = basic(user, password);
    }

    /** The admin of the Arquillian-managed test server. */
    public static AdminApi forTestServer() {
        return new AdminApi(Ports.http(), "admin", TEST_ADMIN_PASSWORD);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> put(String path, String json) {
        var body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return send(request(path).PUT(body).header("Content-Type", "application/json"));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** Sends a request with whatever Authorization header (or none) the caller sets. */
    public HttpResponse<String> sendRaw(HttpRequest.Builder builder) {
        return send(builder);
    }

    public HttpRequest.Builder unauthenticated(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    /** Creates the domain and accounts (password = local part + "-password-123"), failing loudly. */
    public void createDomainWithAccounts(String domain, String... localParts) {
        expectSuccess(put("/api/admin/domains/" + domain, null));
        for (String local : localParts) {
            expectSuccess(put("/api/admin/accounts/" + local + "@" + domain,
                    "{\"password\": \"" + passwordOf(local) + "\"}"));
        }
    }

    public static String passwordOf(String localPart) {
        return localPart + "-password-123";
    }

    private HttpRequest.Builder request(String path) {
        return unauthenticated(path).header("Authorization", authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expectSuccess(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + " -> "
                    + response.statusCode() + " " + response.body());
        }
    }
}
