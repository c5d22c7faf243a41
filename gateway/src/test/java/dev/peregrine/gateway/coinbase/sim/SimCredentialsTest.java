package dev.peregrine.gateway.coinbase.sim;

import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.coinbase.orders.CoinbaseKeyAlgorithm;
import dev.peregrine.gateway.coinbase.orders.TestKeys;
import dev.peregrine.gateway.venue.VenueUsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimCredentialsTest
{
    @TempDir
    Path dir;

    @Test
    void makesAnEd25519KeyByDefaultInTheFormTheEngineReads() throws Exception
    {
        final SimCredentials made = SimCredentials.generatedIn(TestKeys.KEY_NAME, dir);

        assertThat(made.algorithm()).isEqualTo(CoinbaseKeyAlgorithm.ED25519);
        assertThat(made.publicKey()).isInstanceOf(EdECPublicKey.class);
        assertThat(made.keyAlgorithm()).isEqualTo("Ed25519");
        final String secret = Files.readString(made.privateKeyFile());
        assertThat(Base64.getDecoder().decode(secret.trim())).hasSize(64);
        final CoinbaseCredentials engine = CoinbaseCredentials.of(Files.readString(made.keyNameFile()), secret, "sim");
        assertThat(engine.algorithm()).isEqualTo(CoinbaseKeyAlgorithm.ED25519);

        final SimCredentials again = SimCredentials.generatedIn(TestKeys.KEY_NAME, dir, "ed25519");
        assertThat(again.reused()).isTrue();
        assertThat(again.publicKey()).isEqualTo(made.publicKey());
    }

    @Test
    void makesAnEcdsaKeyWhenAskedAndKeepsItWhenNotAsked() throws Exception
    {
        final SimCredentials made = SimCredentials.generatedIn(TestKeys.KEY_NAME, dir, "ECDSA");
        assertThat(made.publicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(Files.readString(made.privateKeyFile())).startsWith("-----BEGIN EC PRIVATE KEY-----");

        final SimCredentials reused = SimCredentials.generatedIn(TestKeys.KEY_NAME, dir);
        assertThat(reused.reused()).isTrue();
        assertThat(reused.algorithm()).isEqualTo(CoinbaseKeyAlgorithm.ECDSA);
        assertThatThrownBy(() -> SimCredentials.generatedIn(TestKeys.KEY_NAME, dir, "ed25519"))
            .isInstanceOf(VenueUsageException.class)
            .hasMessageContaining("--key-algorithm ed25519: ").hasMessageContaining("already holds an ecdsa key");
        assertThatThrownBy(() -> SimCredentials.generatedIn(TestKeys.KEY_NAME, dir.resolve("other"), "rsa"))
            .isInstanceOf(VenueUsageException.class)
            .hasMessage("--key-algorithm: unknown Coinbase key algorithm 'rsa': use ed25519 or ecdsa");
    }

    @Test
    void readsAnEd25519PublicKeyFile() throws Exception
    {
        final SimCredentials made = SimCredentials.generatedIn(TestKeys.KEY_NAME, dir.resolve("made"));
        final SimCredentials given = SimCredentials.fromPublicKeyFile(TestKeys.KEY_NAME,
            dir.resolve("made").resolve(SimCredentials.PUBLIC_KEY_FILE));
        assertThat(given.algorithm()).isEqualTo(CoinbaseKeyAlgorithm.ED25519);
        assertThat(given.publicKey()).isEqualTo(made.publicKey());
        assertThat(given.generated()).isFalse();
        final Path garbage = dir.resolve("garbage.pem");
        Files.writeString(garbage, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        assertThatThrownBy(() -> SimCredentials.fromPublicKeyFile(TestKeys.KEY_NAME, garbage))
            .isInstanceOf(VenueUsageException.class).hasMessageContaining("not a valid Ed25519 or EC public key");
    }
}
