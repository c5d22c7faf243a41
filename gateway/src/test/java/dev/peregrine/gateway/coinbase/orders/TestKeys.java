package dev.peregrine.gateway.coinbase.orders;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;

/** Fresh EC keys for tests: never a real credential. */
final class TestKeys
{
    static final String KEY_NAME = "organizations/0a1b2c3d-test-org/apiKeys/4e5f6a7b-test-key";

    private TestKeys()
    {
    }

    static KeyPair generate(final String curve)
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

    static KeyPair p256()
    {
        return generate("secp256r1");
    }

    static CoinbaseCredentials credentials(final KeyPair pair)
    {
        return CoinbaseCredentials.of(KEY_NAME, EcPrivateKeyPem.toSec1Pem((ECPrivateKey)pair.getPrivate()), "test");
    }
}
