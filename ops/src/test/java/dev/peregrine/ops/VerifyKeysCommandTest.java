package dev.peregrine.ops;

import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.gateway.coinbase.orders.EcPrivateKeyPem;
import dev.peregrine.gateway.coinbase.orders.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyKeysCommandTest
{
    private static final String KEY_NAME = TestKeys.KEY_NAME;

    @TempDir
    Path dir;

    private final KeyPair pair = TestKeys.p256();
    private final String pem = EcPrivateKeyPem.toSec1Pem((ECPrivateKey)pair.getPrivate());
    private final String secretBody = pem.replaceAll("-----[A-Z ]+-----", "").replace("\n", "");

    @Test
    void goodKeyAgainstTheEmulatorPassesAllThreeChecks() throws Exception
    {
        try (CoinbaseVenueEmulator venue = new CoinbaseVenueEmulator((ECPublicKey)pair.getPublic(), KEY_NAME, "127.0.0.1").start())
        {
            final Result r = run("verify-keys", "--key-file", keyFile(KEY_NAME, pem).toString(), "--api-url", venue.baseUri().toString());
            assertThat(r.code).isZero();
            assertThat(r.out).contains("key format: ok", "jwt signing: ok", "read-only call: ok");
            assertThat(venue.requests("/api/v3/brokerage/accounts")).isEqualTo(1);
            r.assertNoSecret(secretBody);
        }
    }

    @Test
    void anEd25519KeyFileAsTheDeveloperPlatformMakesItPassesAgainstTheEmulator() throws Exception
    {
        final KeyPair ed = TestKeys.ed25519();
        final String id = "2f0e8a1c-5b7d-4e3f-9a6b-1c2d3e4f5a6b";
        final String secret = TestKeys.secret(ed);
        final Path file = Files.writeString(dir.resolve("cdp_api_key.json"),
            "{\"id\": \"" + id + "\", \"privateKey\": \"" + secret + "\"}");
        try (CoinbaseVenueEmulator venue = new CoinbaseVenueEmulator(ed.getPublic(), id, "127.0.0.1").start())
        {
            final Result r = run("verify-keys", "--venue", "coinbase", "--key-file", file.toString(),
                "--api-url", venue.baseUri().toString());
            assertThat(r.code).isZero();
            assertThat(r.out).contains("key format: ok (" + id + ", Ed25519)", "jwt signing: ok (EdDSA)", "read-only call: ok");
            r.assertNoSecret(secret);
        }
    }

    @Test
    void anUnknownVenueOrOneWithoutKeysIsAUsageError() throws Exception
    {
        Result r = run("verify-keys", "--venue", "kraken", "--key-file", keyFile(KEY_NAME, pem).toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--venue: unknown venue 'kraken': known are coinbase, binance, binance-usdm");
        r = run("verify-keys", "--venue", "coinbase", "--api-url", "relative/path", "--key-file", keyFile(KEY_NAME, pem).toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--api-url relative/path: give a URL with a host, such as https://api.coinbase.com");
    }

    @Test
    void unreachableVenueSkipsTheReadOnlyCheckGracefully() throws Exception
    {
        final Result r = run("verify-keys", "--key-file", keyFile(KEY_NAME, pem).toString(),
            "--api-url", "http://127.0.0.1:1", "--timeout", "2");
        assertThat(r.code).isZero();
        assertThat(r.out).contains("could not reach http://127.0.0.1:1: skipped the read-only check");
        r.assertNoSecret(secretBody);
    }

    @Test
    void keyTheVenueRefusesIsBadCredentials() throws Exception
    {
        try (CoinbaseVenueEmulator venue = new CoinbaseVenueEmulator((ECPublicKey)TestKeys.p256().getPublic(), KEY_NAME, "127.0.0.1").start())
        {
            final Result r = run("verify-keys", "--key-file", keyFile(KEY_NAME, pem).toString(), "--api-url", venue.baseUri().toString());
            assertThat(r.code).isEqualTo(2);
            assertThat(r.err).contains("refused the key");
            r.assertNoSecret(secretBody);
        }
    }

    @Test
    void badKeyFilesSayWhatIsWrongWithoutPrintingTheKey() throws Exception
    {
        Result r = run("verify-keys", "--key-file", keyFile("organizations/YOUR_ORG/apiKeys/YOUR_KEY", pem).toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("placeholder");
        r.assertNoSecret(secretBody);
        r = run("verify-keys", "--key-file", keyFile(KEY_NAME, pem.substring(0, pem.length() - 40)).toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("cut short");
        r.assertNoSecret(secretBody);
        r = run("verify-keys", "--key-file", dir.resolve("missing.json").toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("does not exist");
    }

    private Path keyFile(final String name, final String privateKey) throws Exception
    {
        final Path file = Files.createTempFile(dir, "cdp_api_key", ".json");
        Files.writeString(file, TestKeys.keyFileJson(name, privateKey));
        return file;
    }

    private Result run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = PeregrineCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err)
    {
        void assertNoSecret(final String secretBody)
        {
            for (int i = 0; i + 16 <= secretBody.length(); i += 8)
            {
                final String piece = secretBody.substring(i, i + 16);
                assertThat(out).doesNotContain(piece);
                assertThat(err).doesNotContain(piece);
            }
        }
    }
}
