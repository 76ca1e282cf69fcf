package org.posthorn.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;

/**
 * Brute force against the admin REST API: after {@code posthorn.auth.max-failures} (10) wrong
 * passwords, the login is refused with 429 and Retry-After, even with the right password, without the
 * password being checked. A class of its own: the throttle lasts ten minutes and would lock every other
 * test's requests from this address out; a new deployment starts with a fresh throttle.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebLoginThrottleIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @Test
    void tenWrongPasswordsThrottleTheLogin() {
        AdminApi guessing = new AdminApi(Ports.http(), "admin", "guess");
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(guessing.get("/api/admin/domains").statusCode()).as("attempt %d", attempt).isEqualTo(401);
        }

        HttpResponse<String> throttled = AdminApi.forTestServer().get("/api/admin/domains");

        assertThat(throttled.statusCode()).as("the right password, refused unchecked").isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 600L));
        assertThat(throttled.body()).contains("too many failed logins");
    }
}
