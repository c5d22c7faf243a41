package dev.peregrine.gateway.coinbase.sim;

import dev.peregrine.gateway.coinbase.orders.CoinbaseKeyAlgorithm;
import dev.peregrine.gateway.coinbase.orders.EcPrivateKeyPem;
import dev.peregrine.gateway.coinbase.orders.Ed25519KeyText;
import dev.peregrine.gateway.venue.SimulatorKey;
import dev.peregrine.gateway.venue.VenueUsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The API key the simulator's order emulator accepts. The emulator checks every JWT the way Coinbase does
 * (EdDSA or ES256 signature, {@code kid}/{@code sub} = the key name), so it needs the public half of the engine's
 * key: given as a file ({@code --api-public-key-file}), or made here, a throwaway pair of either kind Coinbase
 * issues (Ed25519 unless asked otherwise, as the venue now defaults) written to a folder in the files {@code run}
 * reads ({@code secrets.coinbase_api_key_file}, {@code coinbase_api_secret_file}) in the venue's own forms (base64
 * for Ed25519, a PEM EC key for ECDSA), reused by the next start so a configured engine keeps working. A real
 * Coinbase key is never needed.
 *
 * @param keyName        the key name JWTs must carry.
 * @param algorithm      which kind of key it is.
 * @param publicKey      what their signatures are checked with: an EC (P-256) or Ed25519 public key.
 * @param keyNameFile    where the generated key's name was written; null when the public key was given.
 * @param privateKeyFile where the generated key's private half was written; null when the public key was given.
 * @param reused         true when the folder already held a generated key.
 */
public record SimCredentials(String keyName, CoinbaseKeyAlgorithm algorithm, PublicKey publicKey, Path keyNameFile,
    Path privateKeyFile, boolean reused) implements SimulatorKey
{
    public static final String KEY_NAME_FILE = "coinbase_api_key";
    public static final String PRIVATE_KEY_FILE = "coinbase_api_secret";
    public static final String PUBLIC_KEY_FILE = "coinbase_api_public_key.pem";

    /** @throws VenueUsageException naming the option when the file is unreadable or not a P-256 or Ed25519 public key. */
    public static SimCredentials fromPublicKeyFile(final String keyName, final Path file)
    {
        final String pem;
        try
        {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        }
        catch (final IOException ex)
        {
            throw new VenueUsageException("--api-public-key-file: cannot read " + file + " (" + ex.getClass().getSimpleName() + ")");
        }
        if (pem.contains("PRIVATE KEY-----"))
        {
            throw new VenueUsageException("--api-public-key-file: " + file + " holds a private key; give its public half " +
                "('openssl ec -in KEY.pem -pubout -out KEY.pub'), the simulator only verifies signatures");
        }
        final PublicKey key = parsePublicKey(pem, "--api-public-key-file: " + file);
        return new SimCredentials(keyName, algorithmOf(key), key, null, null, false);
    }

    /** The throwaway key in {@code folder}, of whichever kind it holds, or a new Ed25519 key. */
    public static SimCredentials generatedIn(final String keyName, final Path folder)
    {
        return generatedIn(keyName, folder, (CoinbaseKeyAlgorithm)null);
    }

    /**
     * As {@link #generatedIn(String, Path, CoinbaseKeyAlgorithm)}, the kind as {@code --key-algorithm} spells it.
     *
     * @param keyAlgorithm {@code ed25519}, {@code ecdsa}, or null.
     * @throws VenueUsageException naming the option for any other value.
     */
    public static SimCredentials generatedIn(final String keyName, final Path folder, final String keyAlgorithm)
    {
        final CoinbaseKeyAlgorithm requested;
        try
        {
            requested = keyAlgorithm == null ? null : CoinbaseKeyAlgorithm.ofOption(keyAlgorithm);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new VenueUsageException("--key-algorithm: " + ex.getMessage());
        }
        return generatedIn(keyName, folder, requested);
    }

    /**
     * The throwaway key in {@code folder}, made (and the folder created, owner-only) if it holds none.
     *
     * @param requested the kind of key wanted ({@code --key-algorithm}), or null for the one the folder holds, else
     *                  Ed25519.
     * @throws VenueUsageException when the folder cannot be written, holds a damaged key, or holds a key of
     *                             another kind than {@code requested}.
     */
    public static SimCredentials generatedIn(final String keyName, final Path folder, final CoinbaseKeyAlgorithm requested)
    {
        final Path nameFile = folder.resolve(KEY_NAME_FILE).toAbsolutePath();
        final Path privateFile = folder.resolve(PRIVATE_KEY_FILE).toAbsolutePath();
        final Path publicFile = folder.resolve(PUBLIC_KEY_FILE).toAbsolutePath();
        try
        {
            if (Files.exists(nameFile) && Files.exists(privateFile) && Files.exists(publicFile))
            {
                final String storedName = Files.readString(nameFile, StandardCharsets.UTF_8).trim();
                final PublicKey key = parsePublicKey(Files.readString(publicFile, StandardCharsets.US_ASCII),
                    "--credentials-dir: " + publicFile);
                final CoinbaseKeyAlgorithm stored = algorithmOf(key);
                if (requested != null && requested != stored)
                {
                    throw new VenueUsageException("--key-algorithm " + requested.option() + ": " + folder.toAbsolutePath() +
                        " already holds an " + stored.option() + " key that a configured engine may use; remove the folder " +
                        "or give another --credentials-dir");
                }
                return new SimCredentials(storedName, stored, key, nameFile, privateFile, true);
            }
            final CoinbaseKeyAlgorithm algorithm = requested != null ? requested : CoinbaseKeyAlgorithm.ED25519;
            final KeyPair pair = algorithm == CoinbaseKeyAlgorithm.ED25519 ? Ed25519KeyText.generate() : p256();
            Files.createDirectories(folder);
            ownerOnly(folder, "rwx------");
            write(privateFile, algorithm == CoinbaseKeyAlgorithm.ED25519 ? Ed25519KeyText.format(pair) + "\n" :
                EcPrivateKeyPem.toSec1Pem((ECPrivateKey)pair.getPrivate()));
            write(nameFile, keyName + "\n");
            write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return new SimCredentials(keyName, algorithm, pair.getPublic(), nameFile, privateFile, false);
        }
        catch (final IOException ex)
        {
            throw new VenueUsageException("--credentials-dir: cannot write the simulator's key to " + folder.toAbsolutePath() +
                " (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")");
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("this JVM cannot make a " + requested + " key", ex);
        }
    }

    @Override
    public String keyAlgorithm()
    {
        return algorithm.label();
    }

    private static KeyPair p256() throws GeneralSecurityException
    {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static CoinbaseKeyAlgorithm algorithmOf(final PublicKey key)
    {
        return key instanceof ECPublicKey ? CoinbaseKeyAlgorithm.ECDSA : CoinbaseKeyAlgorithm.ED25519;
    }

    private static PublicKey parsePublicKey(final String pem, final String where)
    {
        final String text = pem.trim();
        final String header = "-----BEGIN PUBLIC KEY-----";
        final String footer = "-----END PUBLIC KEY-----";
        if (!text.startsWith(header) || !text.contains(footer))
        {
            throw new VenueUsageException(where + ": not a PEM public key (expected '" + header + "' ... '" + footer + "')");
        }
        final byte[] der;
        try
        {
            der = Base64.getMimeDecoder().decode(text.substring(header.length(), text.indexOf(footer)));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new VenueUsageException(where + ": the PEM body is not valid base64");
        }
        try
        {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        }
        catch (final GeneralSecurityException notEd25519)
        {
            // An EC key, or nothing valid: the EC attempt below says which.
        }
        try
        {
            final ECPublicKey key = (ECPublicKey)KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            if (!EcPrivateKeyPem.isP256(key.getParams()))
            {
                throw new VenueUsageException(where + ": not a P-256 key; Coinbase API keys are Ed25519 or ECDSA P-256");
            }
            return key;
        }
        catch (final GeneralSecurityException | IllegalArgumentException | ClassCastException ex)
        {
            throw new VenueUsageException(where + ": not a valid Ed25519 or EC public key (" + ex.getClass().getSimpleName() + ")");
        }
    }

    private static void write(final Path file, final String text) throws IOException
    {
        try
        {
            Files.createFile(file);
        }
        catch (final FileAlreadyExistsException ex)
        {
            // A half-written folder from an interrupted start: replaced below.
        }
        ownerOnly(file, "rw-------");
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    private static void ownerOnly(final Path path, final String permissions) throws IOException
    {
        try
        {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
        catch (final UnsupportedOperationException notPosix)
        {
            // Windows: the folder's ACL decides.
        }
    }

    private static String pem(final String type, final byte[] der)
    {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) +
            "\n-----END " + type + "-----\n";
    }
}
