package dev.peregrine.ops;

import dev.peregrine.gateway.coinbase.orders.EcPrivateKeyPem;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJson;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyKeysCommandTest
{
    private static final String KEY_NAME = "organizations/0a1b2c3d-test-org/apiKeys/4e5f6a7b-test-key";

    @TempDir
    Path dir;

    private final KeyPair pair = generate();
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
            r.assertNoSecret();
        }
    }

    @Test
    void unreachableVenueSkipsTheReadOnlyCheckGracefully() throws Exception
    {
        final Result r = run("verify-keys", "--key-file", keyFile(KEY_NAME, pem).toString(),
            "--api-url", "http://127.0.0.1:1", "--timeout", "2");
        assertThat(r.code).isZero();
        assertThat(r.out).contains("could not reach http://127.0.0.1:1: skipped the read-only check");
        r.assertNoSecret();
    }

    @Test
    void keyTheVenueRefusesIsBadCredentials() throws Exception
    {
        try (CoinbaseVenueEmulator venue = new CoinbaseVenueEmulator((ECPublicKey)generate().getPublic(), KEY_NAME, "127.0.0.1").start())
        {
            final Result r = run("verify-keys", "--key-file", keyFile(KEY_NAME, pem).toString(), "--api-url", venue.baseUri().toString());
            assertThat(r.code).isEqualTo(2);
            assertThat(r.err).contains("refused the key");
            r.assertNoSecret();
        }
    }

    @Test
    void badKeyFilesSayWhatIsWrongWithoutPrintingTheKey() throws Exception
    {
        Result r = run("verify-keys", "--key-file", keyFile("organizations/YOUR_ORG/apiKeys/YOUR_KEY", pem).toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("placeholder");
        r.assertNoSecret();
        r = run("verify-keys", "--key-file", keyFile(KEY_NAME, pem.substring(0, pem.length() - 40)).toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("cut short");
        r.assertNoSecret();
        r = run("verify-keys", "--key-file", dir.resolve("missing.json").toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("does not exist");
    }

    private Path keyFile(final String name, final String privateKey) throws Exception
    {
        final Path file = Files.createTempFile(dir, "cdp_api_key", ".json");
        Files.writeString(file, "{\"name\":" + CoinbaseJson.write(name) + ",\"privateKey\":" + CoinbaseJson.write(privateKey) + "}");
        return file;
    }

    private Result run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = PeregrineCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private final class Result
    {
        final int code;
        final String out;
        final String err;

        Result(final int code, final String out, final String err)
        {
            this.code = code;
            this.out = out;
            this.err = err;
        }

        void assertNoSecret()
        {
            for (int i = 0; i + 16 <= secretBody.length(); i += 8)
            {
                final String piece = secretBody.substring(i, i + 16);
                assertThat(out).doesNotContain(piece);
                assertThat(err).doesNotContain(piece);
            }
        }
    }

    private static KeyPair generate()
    {
        try
        {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        }
        catch (final java.security.GeneralSecurityException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
