package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.gateway.orders.CredentialsException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;

/**
 * Reads a P-256 private key from PEM: {@code -----BEGIN EC PRIVATE KEY-----} (SEC1, what Coinbase's key
 * file holds) or {@code -----BEGIN PRIVATE KEY-----} (PKCS#8). Bouncy Castle reads the PEM and the ASN.1;
 * the JDK's {@code KeyFactory} makes the key (no security provider is installed). A SEC1 key without its
 * optional curve parameters is taken as P-256, as before. Errors never quote the key.
 */
public final class EcPrivateKeyPem
{
    private static final String SEC1 = "EC PRIVATE KEY";
    private static final String PKCS8 = "PRIVATE KEY";
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
        final boolean sec1 = text.startsWith("-----BEGIN " + SEC1 + "-----");
        if (!sec1 && !text.startsWith("-----BEGIN " + PKCS8 + "-----"))
        {
            throw new CredentialsException("the private key is not a PEM EC key: it must start with " +
                "'-----BEGIN EC PRIVATE KEY-----' (as in the key file Coinbase lets you download) or " +
                "'-----BEGIN PRIVATE KEY-----' (PKCS#8)");
        }
        final String type = sec1 ? SEC1 : PKCS8;
        final String footer = "-----END " + type + "-----";
        if (!text.contains(footer))
        {
            throw new CredentialsException("the private key PEM has no '" + footer + "' line: it was cut short " +
                "(copy the whole key, including the END line)");
        }
        final byte[] der = read(text);
        final byte[] pkcs8Der = sec1 ? wrapSec1(der) : der;
        final ECPrivateKey key;
        try
        {
            key = (ECPrivateKey)KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8Der));
        }
        catch (final GeneralSecurityException | ClassCastException | IllegalArgumentException ex)
        {
            throw new CredentialsException("the private key PEM does not hold a valid EC private key " +
                "(" + type + "); an ECDSA Coinbase key is P-256 in PEM, an Ed25519 one is base64 without PEM lines");
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
        return pem(PKCS8, key.getEncoded());
    }

    /**
     * PEM of a SEC1 key naming its curve and carrying its public key: the Coinbase key-file form, and what
     * {@code openssl ecparam -genkey} writes. Third-party clients (Node's {@code crypto}, ccxt, the SDKs) refuse a
     * SEC1 key without the optional public key, so it is always included, derived here from the private scalar.
     */
    public static String toSec1Pem(final ECPrivateKey key)
    {
        final org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
            key.getParams().getOrder().bitLength(), key.getS(), new DERBitString(publicPoint(key)),
            new X962Parameters(curveOf(key)));
        try
        {
            return pem(SEC1, sec1.getEncoded());
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot encode the key", ex);
        }
    }

    /** The uncompressed public point {@code 04 || X || Y} of {@code key}: its curve's generator times the scalar. */
    private static byte[] publicPoint(final ECPrivateKey key)
    {
        final X9ECParameters curve = ECNamedCurveTable.getByOID(curveOf(key));
        return curve.getG().multiply(key.getS()).normalize().getEncoded(false);
    }

    private static ASN1ObjectIdentifier curveOf(final ECPrivateKey key)
    {
        final PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        return ASN1ObjectIdentifier.getInstance(info.getPrivateKeyAlgorithm().getParameters());
    }

    private static byte[] read(final String text)
    {
        try (PemReader reader = new PemReader(new StringReader(text)))
        {
            final PemObject object = reader.readPemObject();
            if (object == null)
            {
                throw new CredentialsException("the private key PEM body is not valid base64");
            }
            return object.getContent();
        }
        catch (final IOException | RuntimeException ex)
        {
            if (ex instanceof CredentialsException)
            {
                throw (CredentialsException)ex;
            }
            throw new CredentialsException("the private key PEM body is not valid base64");
        }
    }

    /**
     * ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, [0] parameters OPTIONAL,
     * [1] publicKey OPTIONAL }, wrapped in a PKCS#8 {@code PrivateKeyInfo} for the JDK. The curve named
     * in [0], if any, must be P-256; none means P-256.
     */
    private static byte[] wrapSec1(final byte[] der)
    {
        try
        {
            final org.bouncycastle.asn1.sec.ECPrivateKey sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(der);
            final ASN1Encodable named = sec1.getParametersObject();
            if (named != null && !SECObjectIdentifiers.secp256r1.equals(named))
            {
                throw new CredentialsException("the EC PRIVATE KEY names a curve other than P-256 " +
                    "(secp256r1): Coinbase needs a P-256 key for ES256");
            }
            return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                SECObjectIdentifiers.secp256r1), sec1).getEncoded();
        }
        catch (final IOException | IllegalArgumentException | IllegalStateException | ClassCastException ex)
        {
            throw new CredentialsException("the EC PRIVATE KEY DER is damaged: the PEM body is damaged");
        }
    }

    private static String pem(final String type, final byte[] der)
    {
        final StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out))
        {
            writer.writeObject(new PemObject(type, der));
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot write PEM", ex);
        }
        return out.toString();
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
