package dev.peregrine.gateway.coinbase.sim;

import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.coinbase.orders.CoinbaseKeyAlgorithm;
import dev.peregrine.gateway.coinbase.orders.TestKeys;
import dev.peregrine.gateway.venue.VenueUsageException;
import dev.peregrine.gateway.coinbase.orders.EcPrivateKeyPem;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.ECPoint;
import java.util.Arrays;
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
        final CoinbaseCredentials engine = CoinbaseCredentials.of(Files.readString(made.keyNameFile()),
            Files.readString(made.privateKeyFile()), "sim");
        assertThat(engine.algorithm()).isEqualTo(CoinbaseKeyAlgorithm.ECDSA);

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
    void writesTheEcdsaKeyAsSec1WithItsPublicKeyAsOpensslAndCoinbaseDo() throws Exception
    {
        final SimCredentials made = SimCredentials.generatedIn(TestKeys.KEY_NAME, dir, "ecdsa");

        final PemObject pem;
        try (PemReader reader = new PemReader(new StringReader(Files.readString(made.privateKeyFile()))))
        {
            pem = reader.readPemObject();
        }
        assertThat(pem.getType()).isEqualTo("EC PRIVATE KEY");
        final ECPrivateKey sec1 = ECPrivateKey.getInstance(pem.getContent());
        assertThat(sec1.getParametersObject()).isEqualTo(SECObjectIdentifiers.secp256r1);
        assertThat(sec1.getPublicKey()).as("the SEC1 [1] publicKey third-party clients need").isNotNull();
        final ECPoint point = ((ECPublicKey)SimCredentials.fromPublicKeyFile(TestKeys.KEY_NAME,
            dir.resolve(SimCredentials.PUBLIC_KEY_FILE)).publicKey()).getW();
        final byte[] uncompressed = sec1.getPublicKey().getOctets();
        assertThat(uncompressed).hasSize(65);
        assertThat(uncompressed[0]).isEqualTo((byte)4);
        assertThat(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33))).isEqualTo(point.getAffineX());
        assertThat(new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65))).isEqualTo(point.getAffineY());
        final Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(EcPrivateKeyPem.parse(Files.readString(made.privateKeyFile())));
        signer.update(new byte[] {1, 2, 3});
        final Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(made.publicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signer.sign())).as("the private key file matches the public key file").isTrue();
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
