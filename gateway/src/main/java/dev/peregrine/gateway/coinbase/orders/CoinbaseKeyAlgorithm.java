package dev.peregrine.gateway.coinbase.orders;

import java.util.Locale;

/**
 * The two kinds of secret API key the Coinbase Developer Platform issues, and the JWT algorithm each signs with.
 * New keys default to Ed25519 (the secret is base64 of 64 bytes, EdDSA JWTs); older ones, and those made with the
 * "ECDSA" choice, are P-256 (a PEM EC private key, ES256 JWTs). Coinbase tells them apart by the secret's form, and
 * so does {@link CoinbaseCredentials}.
 */
public enum CoinbaseKeyAlgorithm
{
    /** Ed25519: the JWT's {@code alg} is {@code EdDSA}. */
    ED25519("ed25519", "Ed25519", "EdDSA"),
    /** ECDSA on P-256: the JWT's {@code alg} is {@code ES256}. */
    ECDSA("ecdsa", "ECDSA P-256", "ES256");

    private final String option;
    private final String label;
    private final String jwsAlgorithm;

    CoinbaseKeyAlgorithm(final String option, final String label, final String jwsAlgorithm)
    {
        this.option = option;
        this.label = label;
        this.jwsAlgorithm = jwsAlgorithm;
    }

    /** How options spell it: {@code ed25519}, {@code ecdsa}. */
    public String option()
    {
        return option;
    }

    /** How people name it: {@code Ed25519}, {@code ECDSA P-256}. */
    public String label()
    {
        return label;
    }

    /** The JWT header's {@code alg}: {@code EdDSA} or {@code ES256}. */
    public String jwsAlgorithm()
    {
        return jwsAlgorithm;
    }

    /**
     * @param option {@code ed25519} or {@code ecdsa} (any case).
     * @throws IllegalArgumentException naming the accepted values otherwise.
     */
    public static CoinbaseKeyAlgorithm ofOption(final String option)
    {
        for (final CoinbaseKeyAlgorithm algorithm : values())
        {
            if (algorithm.option.equals(option == null ? null : option.trim().toLowerCase(Locale.ROOT)))
            {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown Coinbase key algorithm '" + option + "': use ed25519 or ecdsa");
    }
}
