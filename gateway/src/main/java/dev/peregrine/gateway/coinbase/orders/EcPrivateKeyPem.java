package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.gateway.orders.CredentialsException;

import java.io.ByteArrayOutputStream;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads a P-256 private key from PEM with the JDK only: {@code -----BEGIN EC PRIVATE KEY-----} (SEC1,
 * what Coinbase's key file holds) or {@code -----BEGIN PRIVATE KEY-----} (PKCS#8). The JDK's
 * {@code KeyFactory} takes PKCS#8 only, so a SEC1 key is wrapped in a PKCS#8 {@code PrivateKeyInfo}
 * naming {@code id-ecPublicKey} and {@code prime256v1}. Errors never quote the key.
 */
public final class EcPrivateKeyPem
{
    /** DER of OID 1.2.840.10045.2.1 (id-ecPublicKey). */
    private static final byte[] OID_EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte)0x86, 0x48, (byte)0xce, 0x3d, 0x02, 0x01};
    /** DER of OID 1.2.840.10045.3.1.7 (prime256v1 / secp256r1 / P-256). */
    private static final byte[] OID_P256 = {0x06, 0x08, 0x2a, (byte)0x86, 0x48, (byte)0xce, 0x3d, 0x03, 0x01, 0x07};
    private static final ECParameterSpec P256 = p256();

    private EcPrivateKeyPem()
    {
    }

    public static ECParameterSpec p256Params()
    {
        return P256;
    }

    /** @throws CredentialsException naming what is wrong: malformed PEM, wrong type, wrong curve. */
    public static ECPrivateKey parse(final String pem)
    {
        final String text = pem.replace("\\n", "\n").trim(); // a key pasted from JSON with literal \n
        final boolean sec1 = text.startsWith("-----BEGIN EC PRIVATE KEY-----");
        final boolean pkcs8 = text.startsWith("-----BEGIN PRIVATE KEY-----");
        if (!sec1 && !pkcs8)
        {
            throw new CredentialsException("the private key is not a PEM EC key: it must start with " +
                "'-----BEGIN EC PRIVATE KEY-----' (as in the key file Coinbase lets you download) or " +
                "'-----BEGIN PRIVATE KEY-----' (PKCS#8)");
        }
        final String type = sec1 ? "EC PRIVATE KEY" : "PRIVATE KEY";
        final String footer = "-----END " + type + "-----";
        final int end = text.indexOf(footer);
        if (end < 0)
        {
            throw new CredentialsException("the private key PEM has no '" + footer + "' line: it was cut short " +
                "(copy the whole key, including the END line)");
        }
        final String body = text.substring(("-----BEGIN " + type + "-----").length(), end).replaceAll("\\s", "");
        final byte[] der;
        try
        {
            der = Base64.getDecoder().decode(body);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CredentialsException("the private key PEM body is not valid base64");
        }
        final byte[] pkcs8Der = sec1 ? wrapSec1(der) : der;
        final ECPrivateKey key;
        try
        {
            key = (ECPrivateKey)KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8Der));
        }
        catch (final GeneralSecurityException | ClassCastException | IllegalArgumentException ex)
        {
            throw new CredentialsException("the private key PEM does not hold a valid EC private key " +
                "(" + type + "); Coinbase Advanced Trade keys are ECDSA P-256 (ES256), not Ed25519");
        }
        if (!isP256(key.getParams()))
        {
            throw new CredentialsException("the private key is on the wrong curve (" +
                key.getParams().getCurve().getField().getFieldSize() + "-bit field): Coinbase needs a P-256 " +
                "(secp256r1) key for ES256; create an ECDSA key in the Coinbase developer platform");
        }
        return key;
    }

    public static boolean isP256(final ECParameterSpec params)
    {
        return params.getOrder().equals(P256.getOrder()) && params.getCurve().equals(P256.getCurve()) &&
            params.getGenerator().equals(P256.getGenerator());
    }

    /** PEM of a PKCS#8 key; for tests and tools that write keys. */
    public static String toPkcs8Pem(final ECPrivateKey key)
    {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** PEM of a SEC1 key (the Coinbase key-file form), cut out of the JDK's PKCS#8 encoding. */
    public static String toSec1Pem(final ECPrivateKey key)
    {
        final byte[] der = key.getEncoded();
        // PrivateKeyInfo ::= SEQUENCE { version, AlgorithmIdentifier, OCTET STRING { ECPrivateKey } }
        int p = headerLength(der, 0);
        p = skip(der, p); // version
        p = skip(der, p); // algorithm
        if (der[p] != 0x04)
        {
            throw new IllegalStateException("unexpected PKCS#8 layout");
        }
        final int start = p + headerLength(der, p);
        return pem("EC PRIVATE KEY", Arrays.copyOfRange(der, start, skip(der, p)));
    }

    private static String pem(final String type, final byte[] der)
    {
        return "-----BEGIN " + type + "-----\n" +
            Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /**
     * ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, [0] parameters OPTIONAL,
     * [1] publicKey OPTIONAL }. The curve named in [0], if any, must be P-256.
     */
    private static byte[] wrapSec1(final byte[] sec1)
    {
        try
        {
            if (sec1.length < 8 || sec1[0] != 0x30 || skip(sec1, 0) != sec1.length)
            {
                throw new CredentialsException("the EC PRIVATE KEY is not a DER SEQUENCE: the PEM body is damaged");
            }
            int p = headerLength(sec1, 0);
            p = skip(sec1, p); // version
            p = skip(sec1, p); // privateKey
            if (p < sec1.length && (sec1[p] & 0xff) == 0xa0)
            {
                final int oid = p + headerLength(sec1, p);
                final int oidEnd = skip(sec1, oid);
                if (!Arrays.equals(sec1, oid, oidEnd, OID_P256, 0, OID_P256.length))
                {
                    throw new CredentialsException("the EC PRIVATE KEY names a curve other than P-256 " +
                        "(secp256r1): Coinbase needs a P-256 key for ES256");
                }
            }
        }
        catch (final ArrayIndexOutOfBoundsException ex)
        {
            throw new CredentialsException("the EC PRIVATE KEY DER is truncated: the PEM body is damaged");
        }
        final ByteArrayOutputStream algorithm = new ByteArrayOutputStream();
        algorithm.writeBytes(OID_EC_PUBLIC_KEY);
        algorithm.writeBytes(OID_P256);
        final ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.writeBytes(new byte[] {0x02, 0x01, 0x00});
        info.writeBytes(tlv(0x30, algorithm.toByteArray()));
        info.writeBytes(tlv(0x04, sec1));
        return tlv(0x30, info.toByteArray());
    }

    static byte[] tlv(final int tag, final byte[] content)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 4);
        out.write(tag);
        final int n = content.length;
        if (n < 0x80)
        {
            out.write(n);
        }
        else if (n < 0x100)
        {
            out.write(0x81);
            out.write(n);
        }
        else
        {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** Bytes of tag and length of the element at {@code p}. */
    static int headerLength(final byte[] der, final int p)
    {
        final int first = der[p + 1] & 0xff;
        return first < 0x80 ? 2 : 2 + (first & 0x7f);
    }

    /** Index one past the element at {@code p}. */
    static int skip(final byte[] der, final int p)
    {
        final int first = der[p + 1] & 0xff;
        if (first < 0x80)
        {
            return p + 2 + first;
        }
        final int bytes = first & 0x7f;
        if (bytes > 3)
        {
            throw new ArrayIndexOutOfBoundsException("length too long");
        }
        int length = 0;
        for (int i = 0; i < bytes; i++)
        {
            length = (length << 8) | (der[p + 2 + i] & 0xff);
        }
        return p + 2 + bytes + length;
    }

    private static ECParameterSpec p256()
    {
        try
        {
            final AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
