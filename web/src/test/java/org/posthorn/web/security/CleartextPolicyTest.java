package org.posthorn.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.posthorn.web.security.CleartextPolicy.Verdict.REDIRECT_TO_HTTPS;
import static org.posthorn.web.security.CleartextPolicy.Verdict.REFUSE;
import static org.posthorn.web.security.CleartextPolicy.Verdict.SERVE;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class CleartextPolicyTest {

    private static final InetAddress REMOTE = address("192.0.2.7");
    private static final InetAddress LOOPBACK = address("127.0.0.1");

    @Test
    void tlsIsAlwaysServed() {
        for (String mode : new String[] {"never", "loopback", "always"}) {
            assertThat(new CleartextPolicy(mode).verdict(true, REMOTE, "POST", false)).isEqualTo(SERVE);
        }
    }

    @Test
    void loopbackMayUseClearTextByDefaultButNotUnderNever() {
        assertThat(new CleartextPolicy("loopback").verdict(false, LOOPBACK, "POST", true)).isEqualTo(SERVE);
        assertThat(new CleartextPolicy("never").verdict(false, LOOPBACK, "GET", true)).isEqualTo(REDIRECT_TO_HTTPS);
    }

    @Test
    void aRemoteClientInClearIsSentToHttpsForPagesAndRefusedOtherwise() {
        var policy = new CleartextPolicy("loopback");
        assertThat(policy.verdict(false, REMOTE, "GET", true)).isEqualTo(REDIRECT_TO_HTTPS);
        assertThat(policy.verdict(false, REMOTE, "HEAD", true)).isEqualTo(REDIRECT_TO_HTTPS);
        assertThat(policy.verdict(false, REMOTE, "POST", true)).as("a sign-in form posted in clear").isEqualTo(REFUSE);
        assertThat(policy.verdict(false, REMOTE, "GET", false)).as("the API").isEqualTo(REFUSE);
    }

    @Test
    void alwaysServesEveryoneInClear() {
        assertThat(new CleartextPolicy("always").verdict(false, REMOTE, "POST", false)).isEqualTo(SERVE);
    }

    @Test
    void anUnknownModeIsAnError() {
        assertThatThrownBy(() -> new CleartextPolicy("sometimes")).isInstanceOf(IllegalArgumentException.class);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
