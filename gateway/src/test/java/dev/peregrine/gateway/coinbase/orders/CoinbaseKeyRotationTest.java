package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.gateway.coinbase.emulator.JwtVerifier;
import dev.peregrine.gateway.orders.KeyFileWatch;
import dev.peregrine.gateway.orders.KeyFiles;
import dev.peregrine.gateway.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Coinbase key rotated in its files: the signer the live venue uses signs the next JWT with the new key (the
 * emulator's verifier for the new key accepts it, the old key's refuses it), and a broken PEM afterwards keeps the
 * key in use with one line.
 */
class CoinbaseKeyRotationTest
{
    private static final String URI = "POST api.coinbase.com/api/v3/brokerage/orders";
    private static final String NEW_NAME = "organizations/0a1b2c3d-test-org/apiKeys/9c8d7e6f-rotated-key";

    @TempDir
    Path dir;

    @Test
    void theNextJwtIsSignedWithTheRotatedKey() throws Exception
    {
        final KeyPair oldPair = TestKeys.p256();
        final KeyPair newPair = TestKeys.p256();
        final Path nameFile = Files.writeString(dir.resolve("coinbase_api_key"), TestKeys.KEY_NAME + "\n");
        final Path secretFile = Files.writeString(dir.resolve("coinbase_api_secret"), TestKeys.secret(oldPair));
        final List<String> log = new CopyOnWriteArrayList<>();
        final JwtVerifier oldKey = new JwtVerifier(oldPair.getPublic(), TestKeys.KEY_NAME, () -> System.currentTimeMillis() / 1000);
        final JwtVerifier newKey = new JwtVerifier(newPair.getPublic(), NEW_NAME, () -> System.currentTimeMillis() / 1000);

        try (KeyFileWatch<CoinbaseCredentials> watch = new KeyFileWatch<>(new KeyFiles(nameFile, secretFile), TestKeys.KEY_NAME,
            TestKeys.secret(oldPair), TestKeys.credentials(oldPair), CoinbaseCredentials::of, log::add, KeyFileWatch.PERIOD))
        {
            final CoinbaseJwtSigner signer = new CoinbaseJwtSigner(watch, () -> System.currentTimeMillis() / 1000, new SecureRandom());
            assertThat(oldKey.verify(signer.forRest("POST", "api.coinbase.com", "/api/v3/brokerage/orders"), URI)).isNull();

            Files.writeString(nameFile, NEW_NAME + "\n");
            Files.writeString(secretFile, TestKeys.secret(newPair));
            Await.until("the new key taken", Duration.ofSeconds(15), () -> watch.get().keyName().equals(NEW_NAME));

            final String jwt = signer.forRest("POST", "api.coinbase.com", "/api/v3/brokerage/orders");
            assertThat(newKey.verify(jwt, URI)).isNull();
            assertThat(oldKey.verify(jwt, URI)).isNotNull();
            assertThat(newKey.verify(signer.forWebSocket(), null)).isNull();

            // Half a PEM, as a copy caught mid-write that stays so: refused, the new key stays, one line.
            final String pem = TestKeys.secret(newPair);
            Files.writeString(secretFile, pem.substring(0, pem.length() / 2));
            Await.until("the broken file reported", Duration.ofSeconds(15), () -> log.stream().anyMatch(l -> l.contains("not usable")));
            Thread.sleep(2 * KeyFileWatch.PERIOD.toMillis());
            assertThat(log).filteredOn(l -> l.contains("not usable")).hasSize(1)
                .allMatch(l -> l.endsWith("; keeping the key in use") && l.contains("cut short"))
                .noneMatch(l -> l.contains(pem.substring(40, 72))); // names the problem, never the key's text
            assertThat(newKey.verify(signer.forRest("POST", "api.coinbase.com", "/api/v3/brokerage/orders"), URI)).isNull();
        }
    }
}
