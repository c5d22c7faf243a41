package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.gateway.orders.CredentialText;
import dev.peregrine.gateway.orders.CredentialsException;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Coinbase Advanced Trade (CDP) API key: its name ({@code organizations/{org}/apiKeys/{key}}, or the bare key id
 * newer keys are shown with) and its private key, of either kind the venue issues ({@link CoinbaseKeyAlgorithm}):
 * Ed25519 as base64 (the default for new keys) or P-256 as a PEM EC key. The secret's form says which, as it does
 * for the venue's own SDKs. Read from {@code COINBASE_API_KEY} + {@code COINBASE_API_SECRET} or from the JSON key
 * file Coinbase lets users download ({@code name} or {@code id}, and {@code privateKey}).
 *
 * <p>The secret never leaves this object except as a signing key: {@link #toString()} shows the key
 * name only, and every {@link CredentialsException} says what is wrong without quoting the secret.
 */
public final class CoinbaseCredentials
{
    public static final String ENV_KEY_NAME = "COINBASE_API_KEY";
    public static final String ENV_SECRET = "COINBASE_API_SECRET";

    private static final Pattern KEY_NAME = Pattern.compile("organizations/[A-Za-z0-9-]+/apiKeys/[A-Za-z0-9-]+|" +
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Fewer base64 characters than the smallest P-256 private key (39 bytes of SEC1 DER: 52 characters). */
    private static final int MIN_KEY_BASE64 = 48;
    private static final String[] PLACEHOLDERS = {"your", "xxx", "changeme", "change_me", "placeholder", "<", "..."};

    private final String keyName;
    private final CoinbaseKeyAlgorithm algorithm;
    private final PrivateKey privateKey;

    private CoinbaseCredentials(final String keyName, final CoinbaseKeyAlgorithm algorithm, final PrivateKey privateKey)
    {
        this.keyName = keyName;
        this.algorithm = algorithm;
        this.privateKey = privateKey;
    }

    /**
     * Validates both parts and parses the private key: a PEM EC key (ECDSA P-256), or base64 (Ed25519).
     *
     * @param source where they came from, for messages ("environment", "key file x.json").
     */
    public static CoinbaseCredentials of(final String keyName, final String privateKey, final String source)
    {
        final String name = keyName == null ? "" : keyName.trim();
        if (name.isEmpty())
        {
            throw new CredentialsException("the API key name is missing (" + source + "): set " + ENV_KEY_NAME +
                " or use --key-file with the JSON key file downloaded from Coinbase");
        }
        if (privateKey == null || privateKey.isBlank())
        {
            throw new CredentialsException("the API secret is missing (" + source + "): set " + ENV_SECRET +
                " to the private key (Ed25519: base64; ECDSA: the EC key in PEM), or use --key-file");
        }
        if (isPlaceholder(name))
        {
            throw new CredentialsException("the API key name is a placeholder (" + source + "), not a real key name");
        }
        if (isPlaceholderSecret(privateKey))
        {
            throw new CredentialsException("the API secret is a placeholder (" + source + "), not a real private key");
        }
        if (!KEY_NAME.matcher(name).matches())
        {
            throw new CredentialsException("the API key name does not look like organizations/{org_id}/apiKeys/{key_id} " +
                "or a key id (a UUID) (" + source + "): use the key name or id from the Coinbase developer platform, " +
                "not a legacy API key");
        }
        if (Ed25519KeyText.looksLikeEd25519(privateKey))
        {
            return new CoinbaseCredentials(name, CoinbaseKeyAlgorithm.ED25519, Ed25519KeyText.parse(privateKey).getPrivate());
        }
        return new CoinbaseCredentials(name, CoinbaseKeyAlgorithm.ECDSA, EcPrivateKeyPem.parse(privateKey));
    }

    /** From {@value #ENV_KEY_NAME} and {@value #ENV_SECRET}; pass {@code System.getenv()} in production. */
    public static CoinbaseCredentials fromEnvironment(final Map<String, String> environment)
    {
        return of(environment.get(ENV_KEY_NAME), environment.get(ENV_SECRET), "environment " + ENV_KEY_NAME + "/" + ENV_SECRET);
    }

    /**
     * From the JSON key file Coinbase lets users download: {@code {"id": "...", "privateKey": "base64"}} for an Ed25519
     * key, {@code {"name": "organizations/...", "privateKey": "-----BEGIN..."}} for an ECDSA one.
     */
    public static CoinbaseCredentials fromKeyFile(final Path file)
    {
        final String text = CredentialText.readKeyFile(file);
        final JsonNode json;
        try
        {
            json = CoinbaseJson.parseObject(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CredentialsException("key file " + file + " is not a JSON object with name (or id) and privateKey (" +
                ex.getMessage() + ")");
        }
        final String name = CoinbaseJson.text(json, "name");
        return of(name != null ? name : CoinbaseJson.text(json, "id"), CoinbaseJson.text(json, "privateKey"), "key file " + file);
    }

    /**
     * A real PEM body is base64, where "xxx" or "your" can occur by chance; so a secret only counts as a
     * placeholder when the words appear next to characters that base64 never holds, or the body is too
     * short to be a key. The smallest real P-256 key, SEC1 without its optional parts, is 39 bytes of DER:
     * 52 base64 characters. (The threshold used to be 64, which rejected about one random key in 700.)
     */
    private static boolean isPlaceholderSecret(final String secret)
    {
        final StringBuilder body = new StringBuilder();
        for (final String line : secret.replace("\\n", "\n").split("\n"))
        {
            if (!line.trim().startsWith("-----"))
            {
                body.append(line.trim());
            }
        }
        final boolean base64 = body.toString().matches("[A-Za-z0-9+/=]*");
        return (!base64 || body.length() < MIN_KEY_BASE64) && isPlaceholder(secret.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static boolean isPlaceholder(final String value)
    {
        return CredentialText.isPlaceholder(value, PLACEHOLDERS);
    }

    public String keyName()
    {
        return keyName;
    }

    /** Which kind of key this is, and so how its JWTs are signed. */
    public CoinbaseKeyAlgorithm algorithm()
    {
        return algorithm;
    }

    /** For the signer only: an {@code ECPrivateKey} for {@link CoinbaseKeyAlgorithm#ECDSA}, else an Ed25519 key. */
    PrivateKey privateKey()
    {
        return privateKey;
    }

    @Override
    public String toString()
    {
        return "CoinbaseCredentials{keyName=" + keyName + ", privateKey=<redacted " + algorithm.label() + ">}";
    }
}
