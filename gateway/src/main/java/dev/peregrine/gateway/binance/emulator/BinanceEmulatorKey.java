package dev.peregrine.gateway.binance.emulator;

import java.security.PublicKey;

/**
 * The one API key the emulated Binance accepts: its {@code X-MBX-APIKEY} value and how its signatures are checked,
 * HMAC-SHA256 with a shared secret, or Ed25519 with the public half of the user's key (exactly one of the two is set).
 */
public record BinanceEmulatorKey(String apiKey, String hmacSecret, PublicKey ed25519PublicKey)
{
    public BinanceEmulatorKey
    {
        if (apiKey == null || apiKey.isBlank())
        {
            throw new IllegalArgumentException("Binance emulator key: the API key is empty");
        }
        if ((hmacSecret == null) == (ed25519PublicKey == null))
        {
            throw new IllegalArgumentException("Binance emulator key '" + apiKey +
                "': give either an HMAC secret or an Ed25519 public key, not " + (hmacSecret == null ? "neither" : "both"));
        }
        if (ed25519PublicKey != null && !"Ed25519".equals(ed25519PublicKey.getAlgorithm()) &&
            !"EdDSA".equals(ed25519PublicKey.getAlgorithm()))
        {
            throw new IllegalArgumentException("Binance emulator key '" + apiKey + "': the public key is " +
                ed25519PublicKey.getAlgorithm() + ", not Ed25519");
        }
    }

    /** A key whose requests are signed with HMAC-SHA256 over {@code secret}. */
    public static BinanceEmulatorKey hmac(final String apiKey, final String secret)
    {
        return new BinanceEmulatorKey(apiKey, secret, null);
    }

    /** A key whose requests are signed with the Ed25519 private key whose public half is {@code publicKey}. */
    public static BinanceEmulatorKey ed25519(final String apiKey, final PublicKey publicKey)
    {
        return new BinanceEmulatorKey(apiKey, null, publicKey);
    }
}
