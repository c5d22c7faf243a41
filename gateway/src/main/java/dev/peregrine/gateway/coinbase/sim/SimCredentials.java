package dev.peregrine.gateway.coinbase.sim;

import dev.peregrine.gateway.coinbase.orders.EcPrivateKeyPem;
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
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The API key the simulator's order emulator accepts. The emulator checks every JWT the way Coinbase does
 * (ES256 signature, {@code kid}/{@code sub} = the key name), so it needs the public half of the engine's key:
 * given as a file ({@code --api-public-key-file}), or made here, a throwaway P-256 pair written to a folder
 * in the files {@code run} reads ({@code secrets.coinbase_api_key_file}, {@code coinbase_api_secret_file}),
 * reused by the next start so a configured engine keeps working. A real Coinbase key is never needed.
 *
 * @param keyName        the key name JWTs must carry.
 * @param publicKey      what their signatures are checked with.
 * @param keyNameFile    where the generated key's name was written; null when the public key was given.
 * @param privateKeyFile where the generated key's private half was written; null when the public key was given.
 * @param reused         true when the folder already held a generated key.
 */
public record SimCredentials(String keyName, ECPublicKey publicKey, Path keyNameFile, Path privateKeyFile, boolean reused)
    implements SimulatorKey
{
    public static final String KEY_NAME_FILE = "coinbase_api_key";
    public static final String PRIVATE_KEY_FILE = "coinbase_api_secret";
    public static final String PUBLIC_KEY_FILE = "coinbase_api_public_key.pem";

    /** @throws VenueUsageException naming the option when the file is unreadable or not a P-256 public key. */
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
        return new SimCredentials(keyName, parsePublicKey(pem, "--api-public-key-file: " + file), null, null, false);
    }

    /**
     * The throwaway key in {@code folder}, made (and the folder created, owner-only) if it holds none.
     *
     * @throws VenueUsageException when the folder cannot be written or holds a damaged key.
     */
    public static SimCredentials generatedIn(final String keyName, final Path folder)
    {
        final Path nameFile = folder.resolve(KEY_NAME_FILE).toAbsolutePath();
        final Path privateFile = folder.resolve(PRIVATE_KEY_FILE).toAbsolutePath();
        final Path publicFile = folder.resolve(PUBLIC_KEY_FILE).toAbsolutePath();
        try
        {
            if (Files.exists(nameFile) && Files.exists(privateFile) && Files.exists(publicFile))
            {
                final String storedName = Files.readString(nameFile, StandardCharsets.UTF_8).trim();
                final ECPublicKey key = parsePublicKey(Files.readString(publicFile, StandardCharsets.US_ASCII),
                    "--credentials-dir: " + publicFile);
                return new SimCredentials(storedName, key, nameFile, privateFile, true);
            }
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            final KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(folder);
            ownerOnly(folder, "rwx------");
            write(privateFile, EcPrivateKeyPem.toSec1Pem((ECPrivateKey)pair.getPrivate()));
            write(nameFile, keyName + "\n");
            write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return new SimCredentials(keyName, (ECPublicKey)pair.getPublic(), nameFile, privateFile, false);
        }
        catch (final IOException ex)
        {
            throw new VenueUsageException("--credentials-dir: cannot write the simulator's key to " + folder.toAbsolutePath() +
                " (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")");
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("this JVM cannot make a P-256 key", ex);
        }
    }

    private static ECPublicKey parsePublicKey(final String pem, final String where)
    {
        final String text = pem.trim();
        final String header = "-----BEGIN PUBLIC KEY-----";
        final String footer = "-----END PUBLIC KEY-----";
        if (!text.startsWith(header) || !text.contains(footer))
        {
            throw new VenueUsageException(where + ": not a PEM public key (expected '" + header + "' ... '" + footer + "')");
        }
        try
        {
            final byte[] der = Base64.getMimeDecoder().decode(text.substring(header.length(), text.indexOf(footer)));
            final ECPublicKey key = (ECPublicKey)KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            if (!EcPrivateKeyPem.isP256(key.getParams()))
            {
                throw new VenueUsageException(where + ": not a P-256 key; Coinbase API keys are ECDSA P-256 (ES256)");
            }
            return key;
        }
        catch (final GeneralSecurityException | IllegalArgumentException | ClassCastException ex)
        {
            throw new VenueUsageException(where + ": not a valid EC public key (" + ex.getClass().getSimpleName() + ")");
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
