package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.gateway.orders.CredentialsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoinbaseCredentialsTest
{
    private final KeyPair pair = TestKeys.p256();
    private final ECPrivateKey key = (ECPrivateKey)pair.getPrivate();

    @Test
    void readsSec1AndPkcs8PemsToTheSameKey()
    {
        final CoinbaseCredentials sec1 = CoinbaseCredentials.of(TestKeys.KEY_NAME, EcPrivateKeyPem.toSec1Pem(key), "test");
        final CoinbaseCredentials pkcs8 = CoinbaseCredentials.of(TestKeys.KEY_NAME, EcPrivateKeyPem.toPkcs8Pem(key), "test");
        assertThat(((ECPrivateKey)sec1.privateKey()).getS()).isEqualTo(key.getS());
        assertThat(((ECPrivateKey)pkcs8.privateKey()).getS()).isEqualTo(key.getS());
        assertThat(sec1.keyName()).isEqualTo(TestKeys.KEY_NAME);
    }

    @Test
    void readsTheDownloadedKeyFileWithEscapedNewlines(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("cdp_api_key.json");
        Files.writeString(file, "{\n  \"name\": \"" + TestKeys.KEY_NAME + "\",\n  \"privateKey\": " +
            CoinbaseJson.write(EcPrivateKeyPem.toSec1Pem(key)) + "\n}\n");
        assertThat(((ECPrivateKey)CoinbaseCredentials.fromKeyFile(file).privateKey()).getS()).isEqualTo(key.getS());
    }

    @Test
    void readsTheEnvironment()
    {
        final CoinbaseCredentials credentials = CoinbaseCredentials.fromEnvironment(Map.of(
            CoinbaseCredentials.ENV_KEY_NAME, TestKeys.KEY_NAME,
            CoinbaseCredentials.ENV_SECRET, EcPrivateKeyPem.toSec1Pem(key).replace("\n", "\\n")));
        assertThat(((ECPrivateKey)credentials.privateKey()).getS()).isEqualTo(key.getS());
    }

    @Test
    void readsAnEd25519SecretAsTheDeveloperPlatformShowsIt()
    {
        final KeyPair ed = TestKeys.ed25519();
        final CoinbaseCredentials credentials = CoinbaseCredentials.of(TestKeys.KEY_NAME, Ed25519KeyText.format(ed), "test");
        assertThat(credentials.algorithm()).isEqualTo(CoinbaseKeyAlgorithm.ED25519);
        assertThat(credentials.privateKey().getEncoded()).isEqualTo(ed.getPrivate().getEncoded());
        assertThat(credentials.toString()).contains("redacted Ed25519").doesNotContain(Ed25519KeyText.format(ed));
        assertThat(TestKeys.credentials(pair).algorithm()).isEqualTo(CoinbaseKeyAlgorithm.ECDSA);
    }

    @Test
    void readsTheEd25519KeyFileWithAnIdAndABareKeyId(@TempDir final Path dir) throws Exception
    {
        final KeyPair ed = TestKeys.ed25519();
        final String id = "2f0e8a1c-5b7d-4e3f-9a6b-1c2d3e4f5a6b";
        final Path file = dir.resolve("cdp_api_key.json");
        Files.writeString(file, "{\n  \"id\": \"" + id + "\",\n  \"privateKey\": \"" + Ed25519KeyText.format(ed) + "\"\n}\n");
        final CoinbaseCredentials credentials = CoinbaseCredentials.fromKeyFile(file);
        assertThat(credentials.keyName()).isEqualTo(id);
        assertThat(credentials.algorithm()).isEqualTo(CoinbaseKeyAlgorithm.ED25519);
    }

    @Test
    void explainsWhatIsWrongWithAnEd25519Secret()
    {
        final byte[] secret = java.util.Base64.getDecoder().decode(Ed25519KeyText.format(TestKeys.ed25519()));
        final byte[] otherPublic = java.util.Base64.getDecoder().decode(Ed25519KeyText.format(TestKeys.ed25519()));
        System.arraycopy(otherPublic, 32, secret, 32, 32);
        final String mixed = java.util.Base64.getEncoder().encodeToString(secret);
        assertThatThrownBy(() -> CoinbaseCredentials.of(TestKeys.KEY_NAME, mixed, "test"))
            .isInstanceOf(CredentialsException.class).hasMessageContaining("second half is not the public key")
            .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain(mixed.substring(0, 16)));
        final String seedOnly = java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(secret, 32));
        assertThatThrownBy(() -> CoinbaseCredentials.of(TestKeys.KEY_NAME, seedOnly, "test"))
            .hasMessageContaining("decodes to 32 bytes");
        assertThatThrownBy(() -> CoinbaseCredentials.of(TestKeys.KEY_NAME, "not base64 at all!" + mixed, "test"))
            .hasMessageContaining("not valid base64");
    }

    @Test
    void toStringNeverShowsTheSecret()
    {
        final String pem = EcPrivateKeyPem.toSec1Pem(key);
        final String body = pem.split("\n")[1];
        assertThat(TestKeys.credentials(pair).toString()).contains(TestKeys.KEY_NAME).doesNotContain(body)
            .contains("redacted");
    }

    @Test
    void explainsWhatIsWrong(@TempDir final Path dir) throws Exception
    {
        final String pem = EcPrivateKeyPem.toSec1Pem(key);
        assertThatThrownBy(() -> CoinbaseCredentials.fromEnvironment(Map.of()))
            .isInstanceOf(CredentialsException.class).hasMessageContaining("key name is missing");
        assertThatThrownBy(() -> CoinbaseCredentials.of(TestKeys.KEY_NAME, " ", "test"))
            .hasMessageContaining("secret is missing");
        assertThatThrownBy(() -> CoinbaseCredentials.of("organizations/YOUR_ORG/apiKeys/YOUR_KEY", pem, "test"))
            .hasMessageContaining("key name is a placeholder");
        assertThatThrownBy(() -> CoinbaseCredentials.of(TestKeys.KEY_NAME,
            "-----BEGIN EC PRIVATE KEY-----\nYOUR_PRIVATE_KEY_HERE\n-----END EC PRIVATE KEY-----\n", "test"))
            .hasMessageContaining("secret is a placeholder");
        assertThatThrownBy(() -> CoinbaseCredentials.of(TestKeys.KEY_NAME, "changeme", "test"))
            .hasMessageContaining("placeholder");
        assertThatThrownBy(() -> CoinbaseCredentials.of("abcd-1234", pem, "test"))
            .hasMessageContaining("organizations/{org_id}/apiKeys/{key_id}");
        assertThatThrownBy(() -> CoinbaseCredentials.of(TestKeys.KEY_NAME,
            EcPrivateKeyPem.toPkcs8Pem((ECPrivateKey)TestKeys.generate("secp384r1").getPrivate()), "test"))
            .hasMessageContaining("wrong curve");
        assertThatThrownBy(() -> CoinbaseCredentials.of(TestKeys.KEY_NAME, pem.substring(0, pem.length() - 30), "test"))
            .hasMessageContaining("cut short");
        assertThatThrownBy(() -> CoinbaseCredentials.of(TestKeys.KEY_NAME, "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg", "test"))
            .hasMessageContaining("neither a PEM EC key").hasMessageContaining("decodes to 36 bytes");
        final String damaged = pem.replaceFirst("\n[A-Za-z0-9+/]{10}", "\nAAAAAAAAAA");
        assertThatThrownBy(() -> CoinbaseCredentials.of(TestKeys.KEY_NAME, damaged, "test"))
            .isInstanceOf(CredentialsException.class);
        final Path notJson = dir.resolve("key.json");
        Files.writeString(notJson, "name: x");
        assertThatThrownBy(() -> CoinbaseCredentials.fromKeyFile(notJson)).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> CoinbaseCredentials.fromKeyFile(dir.resolve("absent.json"))).hasMessageContaining("does not exist");
    }

    @Test
    void noMessageQuotesTheSecret()
    {
        final String pem = EcPrivateKeyPem.toSec1Pem(key);
        final String body = pem.split("\n")[1];
        final String truncated = pem.substring(0, pem.length() - 30);
        assertThatThrownBy(() -> CoinbaseCredentials.of(TestKeys.KEY_NAME, truncated, "test"))
            .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain(body.substring(0, 16)));
    }

    /** Found as a flaky test: a real key whose base64 happened to contain "xxx" was called a placeholder. */
    @org.junit.jupiter.api.Test
    void noRealKeyIsEverTakenForAPlaceholder()
    {
        for (int i = 0; i < 3_000; i++)
        {
            final java.security.KeyPair pair = TestKeys.p256();
            org.assertj.core.api.Assertions.assertThatCode(() -> TestKeys.credentials(pair)).doesNotThrowAnyException();
        }
    }
}
