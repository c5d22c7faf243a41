package dev.peregrine.gateway.binance.sim;

import dev.peregrine.gateway.binance.emulator.BinanceEmulatorKey;
import dev.peregrine.gateway.venue.SimulatorKey;
import dev.peregrine.gateway.venue.VenueUsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;

/**
 * The API key {@code peregrine sim --venue binance} accepts: a throwaway key made in the credentials folder (or reused
 * from it), either as Binance issues them, a 64-character API key with an HMAC-SHA256 secret of 64 characters, or an
 * Ed25519 key pair whose public half the user would register and whose private half (PKCS#8 PEM) signs; or the public
 * half of the user's own Ed25519 key with its API key. The files are the ones a {@code run} configuration names:
 * {@code binance_api_key} (the API key) and {@code binance_api_secret} (the HMAC secret or the PEM private key),
 * readable by the owner only.
 */
public final class BinanceSimKey implements SimulatorKey
{
    static final String KEY_FILE = "binance_api_key";
    static final String SECRET_FILE = "binance_api_secret";
    /** The public half of a generated Ed25519 key, so a reuse needs no derivation from the private half. */
    static final String PUBLIC_KEY_FILE = "binance_api_public_key.pem";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BinanceEmulatorKey emulatorKey;
    private final Path keyFile;
    private final Path secretFile;
    private final boolean reused;

    private BinanceSimKey(final BinanceEmulatorKey emulatorKey, final Path keyFile, final Path secretFile, final boolean reused)
    {
        this.emulatorKey = emulatorKey;
        this.keyFile = keyFile;
        this.secretFile = secretFile;
        this.reused = reused;
    }

    /**
     * The key in {@code dir}, made there if it holds none (or one of another kind than {@code algorithm} asks).
     *
     * @param algorithm {@code hmac}, {@code ed25519}, or null for the key already there, else HMAC (Binance's default).
     * @throws VenueUsageException naming the option when the algorithm is unknown or the folder cannot be used.
     */
    public static BinanceSimKey generatedIn(final Path dir, final String algorithm)
    {
        final String kind = algorithm == null ? null : algorithm.toLowerCase(Locale.ROOT);
        if (kind != null && !kind.equals("hmac") && !kind.equals("ed25519"))
        {
            throw new VenueUsageException("--key-algorithm: Binance keys are hmac or ed25519, not '" + algorithm + "'");
        }
        final Path keyFile = dir.resolve(KEY_FILE);
        final Path secretFile = dir.resolve(SECRET_FILE);
        try
        {
            if (Files.isRegularFile(keyFile) && Files.isRegularFile(secretFile))
            {
                final String apiKey = Files.readString(keyFile, StandardCharsets.UTF_8).trim();
                final String secret = Files.readString(secretFile, StandardCharsets.UTF_8).trim();
                final boolean ed25519 = secret.startsWith("-----BEGIN");
                if (kind == null || kind.equals("ed25519") == ed25519)
                {
                    final BinanceEmulatorKey key = ed25519 ?
                        BinanceEmulatorKey.ed25519(apiKey, publicKey(dir.resolve(PUBLIC_KEY_FILE), "--credentials-dir")) :
                        BinanceEmulatorKey.hmac(apiKey, secret);
                    return new BinanceSimKey(key, keyFile, secretFile, true);
                }
            }
            Files.createDirectories(dir);
            final String apiKey = random(64);
            final BinanceEmulatorKey key;
            if ("ed25519".equals(kind))
            {
                final KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                writePrivate(secretFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                writePrivate(dir.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                key = BinanceEmulatorKey.ed25519(apiKey, pair.getPublic());
            }
            else
            {
                final String secret = random(64);
                writePrivate(secretFile, secret + "\n");
                key = BinanceEmulatorKey.hmac(apiKey, secret);
            }
            writePrivate(keyFile, apiKey + "\n");
            return new BinanceSimKey(key, keyFile, secretFile, false);
        }
        catch (final IOException ex)
        {
            throw new VenueUsageException("--credentials-dir: cannot write the throwaway key in " + dir + " (" + ex + ")");
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("this JVM cannot make Ed25519 keys: " + ex.getMessage(), ex);
        }
    }

    /**
     * The user's own Ed25519 key: its API key and the public half it registered (PEM {@code PUBLIC KEY}).
     *
     * @throws VenueUsageException naming the option when the file is missing or holds no Ed25519 public key.
     */
    public static BinanceSimKey fromPublicKeyFile(final String apiKey, final Path publicKeyFile)
    {
        if (apiKey == null || apiKey.isBlank())
        {
            throw new VenueUsageException("--api-key-name: with --api-public-key-file give the Binance API key it belongs to");
        }
        return new BinanceSimKey(BinanceEmulatorKey.ed25519(apiKey, publicKey(publicKeyFile, "--api-public-key-file")),
            null, null, false);
    }

    private static PublicKey publicKey(final Path file, final String option)
    {
        try
        {
            final String pem = Files.readString(file, StandardCharsets.UTF_8);
            final String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        }
        catch (final IOException ex)
        {
            throw new VenueUsageException(option + ": cannot read " + file + " (" + ex + ")");
        }
        catch (final GeneralSecurityException | IllegalArgumentException ex)
        {
            throw new VenueUsageException(option + ": " + file + " holds no Ed25519 public key in PEM ('-----BEGIN PUBLIC KEY-----')");
        }
    }

    private static String random(final int length)
    {
        final StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }

    private static String pem(final String type, final byte[] der)
    {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void writePrivate(final Path file, final String text) throws IOException
    {
        Files.deleteIfExists(file);
        try
        {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        catch (final UnsupportedOperationException notPosix)
        {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** What the trading emulator checks signatures with. */
    public BinanceEmulatorKey emulatorKey()
    {
        return emulatorKey;
    }

    @Override
    public String keyName()
    {
        return emulatorKey.apiKey();
    }

    @Override
    public Path keyNameFile()
    {
        return keyFile;
    }

    @Override
    public Path privateKeyFile()
    {
        return secretFile;
    }

    @Override
    public boolean reused()
    {
        return reused;
    }

    @Override
    public String keyAlgorithm()
    {
        return emulatorKey.hmacSecret() != null ? "HMAC-SHA256" : "Ed25519";
    }
}
