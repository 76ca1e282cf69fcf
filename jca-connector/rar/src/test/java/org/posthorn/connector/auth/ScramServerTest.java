package org.posthorn.connector.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.posthorn.connector.auth.ScramTestVector.CLIENT_FINAL;
import static org.posthorn.connector.auth.ScramTestVector.CLIENT_FIRST;
import static org.posthorn.connector.auth.ScramTestVector.SERVER_FINAL;
import static org.posthorn.connector.auth.ScramTestVector.SERVER_FIRST;

import com.ongres.scram.client.ScramClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.posthorn.spi.auth.ScramCredentials;

/** The server side of SCRAM-SHA-256 against RFC 7677 §3's exchange, a library client, and broken messages. */
class ScramServerTest {

    private final ScramServer server = ScramTestVector.servers().newExchange();

    @Test
    void replaysTheExchangeOfRfc7677() {
        assertThat(server.receive(bytes(CLIENT_FIRST))).isEqualTo(new ScramServer.Step.NeedCredentials("user"));
        assertThat(text(server.credentials(Optional.of(ScramTestVector.credentials())))).isEqualTo(SERVER_FIRST);
        assertThat(text(server.receive(bytes(CLIENT_FINAL)))).isEqualTo(SERVER_FINAL);
        assertThat(server.receive(new byte[0])).isEqualTo(new ScramServer.Step.Authenticated("user", "user"));
    }

    @Test
    void aWrongProofFails() {
        server.receive(bytes(CLIENT_FIRST));
        server.credentials(Optional.of(ScramTestVector.derive("user", "not pencil", salt(), 4096)));

        assertThat(server.receive(bytes(CLIENT_FINAL))).isEqualTo(new ScramServer.Step.WrongProof("user"));
    }

    @Test
    void aProofWithOneBitFlippedFails() {
        server.receive(bytes(CLIENT_FIRST));
        server.credentials(Optional.of(ScramTestVector.credentials()));
        String flipped = CLIENT_FINAL.replace("p=dHzb", "p=dHzc");

        assertThat(server.receive(bytes(flipped))).isEqualTo(new ScramServer.Step.WrongProof("user"));
    }

    @Test
    void logsInALibraryClientWithARandomNonce() {
        ScramServer random = ScramServers.ephemeral().newExchange();
        ScramClient client = ScramClient.builder().advertisedMechanisms(java.util.List.of("SCRAM-SHA-256"))
                .username("alice@example.test").password("s3cret €".toCharArray()).build();

        assertThat(random.receive(bytes(client.clientFirstMessage().toString())))
                .isEqualTo(new ScramServer.Step.NeedCredentials("alice@example.test"));
        ScramCredentials keys = ScramTestVector.derive("alice@example.test", "s3cret €", salt(), 4096);
        String serverFirst = text(random.credentials(Optional.of(keys)));
        assertDoesNotThrow(() -> client.serverFirstMessage(serverFirst));
        String clientFinal = client.clientFinalMessage().toString();
        String serverFinal = text(random.receive(bytes(clientFinal)));

        assertDoesNotThrow(() -> client.serverFinalMessage(serverFinal));
        assertThat(random.receive(new byte[0])).isInstanceOf(ScramServer.Step.Authenticated.class);
    }

    @Test
    void anUnknownLoginGetsTheSameDecoySaltEveryTimeAndCannotPass() {
        ScramServers servers = ScramTestVector.servers();
        ScramServer first = servers.newExchange();
        ScramServer second = servers.newExchange();
        first.receive(bytes(CLIENT_FIRST));
        second.receive(bytes(CLIENT_FIRST.replace("n=user", "n=USER")));

        String decoy = text(first.credentials(Optional.empty()));
        String again = text(second.credentials(Optional.empty()));

        assertThat(decoy).matches("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj\\)hNlF\\$k0,s=[A-Za-z0-9+/]{22}==,i=10000");
        assertThat(decoy).isEqualTo(again);
        assertThat(first.receive(bytes(CLIENT_FINAL))).isEqualTo(new ScramServer.Step.WrongProof("user"));
    }

    @Test
    void decoysDifferBetweenServersAndLogins() {
        ScramCredentials one = ScramDecoys.ephemeral().forLogin("user");
        ScramCredentials other = ScramDecoys.ephemeral().forLogin("user");
        ScramDecoys decoys = ScramDecoys.ephemeral();

        assertThat(one.salt()).isNotEqualTo(other.salt());
        assertThat(decoys.forLogin("user").salt()).isNotEqualTo(decoys.forLogin("someone").salt());
    }

    @Test
    void acceptsTheYFlagAndTheOwnIdentityAsAuthzid() {
        String clientFirst = "y,a=user,n=user,r=rOprNGfwEbeRWgbNEkqO";
        assertThat(server.receive(bytes(clientFirst))).isEqualTo(new ScramServer.Step.NeedCredentials("user"));
        server.credentials(Optional.of(ScramTestVector.credentials()));
        // c= must repeat the GS2 header "y,a=user," exactly; anything else is refused before the proof.
        String clientFinal = "c=" + Base64.getEncoder().encodeToString(bytes("y,,")) + CLIENT_FINAL.substring("c=biws".length());

        assertThat(server.receive(bytes(clientFinal))).isInstanceOf(ScramServer.Step.Malformed.class);
    }

    @Test
    void refusesAnotherIdentityLikeAWrongPassword() {
        assertThat(server.receive(bytes("n,a=admin,n=user,r=abc"))).isEqualTo(new ScramServer.Step.ForeignIdentity("user"));
    }

    @Test
    void refusesChannelBindingItDoesNotOffer() {
        assertThat(server.receive(bytes("p=tls-server-end-point,,n=user,r=abc")))
                .isEqualTo(new ScramServer.Step.Malformed("Channel binding is not supported"));
    }

    @Test
    void refusesBrokenClientFirstMessages() {
        for (String broken : new String[] {"", "n,,", "n,,n=user", "n,,r=abc,n=user", "x,,n=user,r=abc", "n,,n=,r=abc",
                "n,,n=us=er,r=abc", "n,,n=user,r=a,b", "n,,n=user,r=", "m=ext,n=user,r=abc", "n,,m=ext,n=user,r=abc",
                "n,b=x,n=user,r=abc", "n,,n=user,r=abc,1=x", "n,,n=user,r=abc\u0000"}) {
            ScramServer fresh = ScramTestVector.servers().newExchange();
            assertThat(fresh.receive(bytes(broken))).as(broken).isInstanceOf(ScramServer.Step.Malformed.class);
        }
        ScramServer latin1 = ScramTestVector.servers().newExchange();
        assertThat(latin1.receive(new byte[] {'n', ',', ',', 'n', '=', (byte) 0xe9, ',', 'r', '=', 'a'}))
                .isInstanceOf(ScramServer.Step.Malformed.class);
    }

    @Test
    void unescapesCommasAndEqualsSignsInTheUserName() {
        assertThat(server.receive(bytes("n,,n=a=2Cb=3Dc,r=abc"))).isEqualTo(new ScramServer.Step.NeedCredentials("a,b=c"));
    }

    @Test
    void refusesBrokenClientFinalMessages() {
        String nonce = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        String proof = "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
        for (String broken : new String[] {"", "c=biws," + nonce, "c=biws," + proof, "c=b!ws," + nonce + "," + proof,
                "c=biws,r=wrong-nonce," + proof, "c=eSws," + nonce + "," + proof, "c=biws," + nonce + ",p=AAAA",
                "c=biws," + nonce + ",p=not base64", "r=x,c=biws," + proof}) {
            ScramServer fresh = ScramTestVector.servers().newExchange();
            fresh.receive(bytes(CLIENT_FIRST));
            fresh.credentials(Optional.of(ScramTestVector.credentials()));
            assertThat(fresh.receive(bytes(broken))).as(broken).isInstanceOf(ScramServer.Step.Malformed.class);
        }
    }

    @Test
    void theLastResponseMustBeEmpty() {
        server.receive(bytes(CLIENT_FIRST));
        server.credentials(Optional.of(ScramTestVector.credentials()));
        server.receive(bytes(CLIENT_FINAL));

        assertThat(server.receive(bytes("again"))).isInstanceOf(ScramServer.Step.Malformed.class);
    }

    @Test
    void anExchangeThatEndedTakesNothingMore() {
        server.receive(bytes("p=tls-unique,,n=user,r=abc"));

        assertThatThrownBy(() -> server.receive(bytes(CLIENT_FIRST))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> server.credentials(Optional.empty())).isInstanceOf(IllegalStateException.class);
    }

    private static <T> T assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<T> supplier) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(supplier);
    }

    private static byte[] salt() {
        return Base64.getDecoder().decode(ScramTestVector.SALT);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ScramServer.Step step) {
        assertThat(step).isInstanceOf(ScramServer.Step.Challenge.class);
        return new String(((ScramServer.Step.Challenge) step).message(), StandardCharsets.UTF_8);
    }
}
