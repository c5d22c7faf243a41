package dev.peregrine.gateway.coinbase.orders;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;

/** Fresh EC keys for tests (here and in ops, through the test jar): never a real credential. */
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

    public static CoinbaseCredentials credentials(final KeyPair pair)
    {
        return CoinbaseCredentials.of(KEY_NAME, EcPrivateKeyPem.toSec1Pem((ECPrivateKey)pair.getPrivate()), "test");
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
