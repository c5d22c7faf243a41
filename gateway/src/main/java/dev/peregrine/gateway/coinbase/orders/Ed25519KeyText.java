package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.gateway.orders.CredentialsException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The text form of a Coinbase Developer Platform Ed25519 secret: base64 of 64 bytes, the 32-byte private seed then
 * the 32-byte public key (what the CDP portal shows and its SDKs decode). Keys are made by the JDK's {@code Ed25519}
 * provider; the public half is checked against the seed, so a damaged or mixed-up secret fails here rather than
 * at the venue. Errors never quote the key.
 */
public final class Ed25519KeyText
{
    /** Seed then public key. */
    public static final int SECRET_BYTES = 64;
    private static final int HALF = 32;
    /** The X.509 {@code SubjectPublicKeyInfo} prefix of an Ed25519 key (OID 1.3.101.112); the raw key follows. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final byte[] PROBE = "peregrine ed25519 key check".getBytes(StandardCharsets.US_ASCII);

    private Ed25519KeyText()
    {
    }

    /** True when {@code secret} has the form of an Ed25519 secret (base64, not PEM), whether or not it is valid. */
    public static boolean looksLikeEd25519(final String secret)
    {
        return !secret.trim().startsWith("-----");
    }

    /**
     * @throws CredentialsException naming what is wrong: not base64, the wrong length, halves that do not match.
     */
    public static KeyPair parse(final String secret)
    {
        final byte[] bytes;
        try
        {
            bytes = Base64.getDecoder().decode(secret.replaceAll("\\s", ""));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CredentialsException("the private key is neither a PEM EC key ('-----BEGIN EC PRIVATE KEY-----') " +
                "nor an Ed25519 key (base64 of 64 bytes): it is not valid base64");
        }
        if (bytes.length != SECRET_BYTES)
        {
            throw new CredentialsException("the private key is neither a PEM EC key ('-----BEGIN EC PRIVATE KEY-----') " +
                "nor an Ed25519 key (base64 of 64 bytes, seed then public key): it decodes to " + bytes.length +
                " bytes; copy the whole secret the Coinbase developer platform shows");
        }
        try
        {
            final PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(
                new EdECPrivateKeySpec(NamedParameterSpec.ED25519, Arrays.copyOf(bytes, HALF)));
            final PublicKey publicKey = publicKey(Arrays.copyOfRange(bytes, HALF, SECRET_BYTES));
            if (!matches(privateKey, publicKey))
            {
                throw new CredentialsException("the Ed25519 private key is damaged: its second half is not the public " +
                    "key of its first (copy the whole secret again)");
            }
            return new KeyPair(publicKey, privateKey);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new CredentialsException("the Ed25519 private key is not valid (" + ex.getClass().getSimpleName() + ")");
        }
        finally
        {
            Arrays.fill(bytes, (byte)0);
        }
    }

    /** The secret's text: base64 of seed then public key. */
    public static String format(final KeyPair pair)
    {
        final byte[] seed = ((EdECPrivateKey)pair.getPrivate()).getBytes()
            .orElseThrow(() -> new IllegalArgumentException("the private key does not expose its seed"));
        final byte[] secret = Arrays.copyOf(seed, SECRET_BYTES);
        System.arraycopy(rawPublicKey(pair.getPublic()), 0, secret, HALF, HALF);
        return Base64.getEncoder().encodeToString(secret);
    }

    /** The 32 raw bytes of an Ed25519 public key: the end of its X.509 encoding. */
    public static byte[] rawPublicKey(final PublicKey key)
    {
        final byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - HALF, encoded.length);
    }

    /** An Ed25519 public key from its 32 raw bytes. */
    public static PublicKey publicKey(final byte[] raw) throws GeneralSecurityException
    {
        final byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    /** A fresh Ed25519 key pair. */
    public static KeyPair generate()
    {
        try
        {
            return java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("this JVM cannot make an Ed25519 key", ex);
        }
    }

    /** The JDK cannot derive the public key from a seed, so a probe signed with one must verify with the other. */
    private static boolean matches(final PrivateKey privateKey, final PublicKey publicKey) throws GeneralSecurityException
    {
        final Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey);
        signer.update(PROBE);
        final byte[] signature = signer.sign();
        final Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(PROBE);
        return verifier.verify(signature);
    }
}
