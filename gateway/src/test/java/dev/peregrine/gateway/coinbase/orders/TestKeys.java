package dev.peregrine.gateway.coinbase.orders;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;

/** Fresh EC and Ed25519 keys for tests (here and in ops, through the test jar): never a real credential. */
public final class TestKeys
{
    public static final String KEY_NAME = "organizations/0a1b2c3d-test-org/apiKeys/4e5f6a7b-test-key";

    private TestKeys()
    {
    }

    public static KeyPair generate(final String curve)
    {
        try
        {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        }
        catch (final java.security.GeneralSecurityException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    public static KeyPair p256()
    {
        return generate("secp256r1");
    }

    /** A fresh Ed25519 pair, the kind the Coinbase developer platform makes by default. */
    public static KeyPair ed25519()
    {
        return Ed25519KeyText.generate();
    }

    /** The secret as the venue hands it out: a PEM EC key for a P-256 pair, base64 for an Ed25519 pair. */
    public static String secret(final KeyPair pair)
    {
        return pair.getPrivate() instanceof ECPrivateKey ? EcPrivateKeyPem.toSec1Pem((ECPrivateKey)pair.getPrivate()) :
            Ed25519KeyText.format(pair);
    }

    public static CoinbaseCredentials credentials(final KeyPair pair)
    {
        return CoinbaseCredentials.of(KEY_NAME, secret(pair), "test");
    }

    /** The JSON key file Coinbase lets users download: {@code {"name": ..., "privateKey": ...}}. */
    public static String keyFileJson(final String name, final String privateKeyPem)
    {
        final java.util.Map<String, String> file = new java.util.LinkedHashMap<>();
        file.put("name", name);
        file.put("privateKey", privateKeyPem);
        return CoinbaseJson.write(file);
    }
}
