package dev.peregrine.ops.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one secret from a file named by {@code secrets.<name>_file} or else from an environment variable,
 * never from the configuration file itself. Problems name the secret and where it was looked for, never
 * its value, so a mistyped key pasted into the wrong place cannot leak through an error message.
 */
final class SecretSource
{
    /** Admin tokens shorter than this are guessable by brute force over a network in days, not years. */
    static final int MIN_TOKEN_LENGTH = 32;
    /** Shannon entropy per character below which a long token is still a pattern (aaaa..., 1212...). */
    static final double MIN_TOKEN_BITS_PER_CHAR = 3.0;

    private static final List<String> PLACEHOLDERS =
        List.of("changeme", "change-me", "change_me", "xxx", "placeholder", "your-", "your_", "todo", "secret", "password");

    private SecretSource()
    {
    }

    /**
     * A secret as found, with where it came from (a file path or a variable name), never its value in text form.
     *
     * @param file the file it was read from (a live venue re-reads a rotated key from it); null for a variable
     */
    record Secret(String value, String source, Path file)
    {
        @Override
        public String toString()
        {
            return "Secret{source=" + source + "}";
        }
    }

    /**
     * @return the secret, or null when neither the file key nor the variable is set (the caller decides
     * whether that is a problem for the profile).
     */
    static Secret read(final ConfigSection secrets, final String name, final String variable,
        final Map<String, String> environment)
    {
        final String fileKey = name + "_file";
        final String file = secrets.string(fileKey, null);
        if (file != null)
        {
            try
            {
                return new Secret(Files.readString(Path.of(file), StandardCharsets.UTF_8).trim(), secrets.path(fileKey) + " " + file,
                    Path.of(file));
            }
            catch (final IOException | RuntimeException ex)
            {
                secrets.problems().add(new ConfigProblem(secrets.path(fileKey), "'" + file + "'",
                    "a readable file holding the " + name.replace('_', ' ') + " (" + ex.getClass().getSimpleName() + ")"));
                return null;
            }
        }
        final String value = environment.get(variable);
        return value == null || value.isBlank() ? null : new Secret(value.trim(), "environment " + variable, null);
    }

    /** Rejects a secret that is absent or a placeholder; for the admin token also a short or repetitive one. */
    static void require(final ConfigSection secrets, final String name, final String variable, final Secret secret,
        final boolean token)
    {
        final String where = secrets.path(name + "_file") + " or " + variable;
        if (secret == null)
        {
            secrets.problems().add(new ConfigProblem(where, null, "the " + name.replace('_', ' ') +
                " (the live profile needs it; set the variable or point the file key at a file)"));
            return;
        }
        if (isPlaceholder(secret.value()))
        {
            secrets.problems().add(new ConfigProblem(where, "a placeholder (from " + secret.source() + ")",
                "the real " + name.replace('_', ' ')));
            return;
        }
        if (token && (secret.value().length() < MIN_TOKEN_LENGTH || bitsPerChar(secret.value()) < MIN_TOKEN_BITS_PER_CHAR))
        {
            secrets.problems().add(new ConfigProblem(where, "a weak token (from " + secret.source() + ", " +
                secret.value().length() + " characters)", "at least " + MIN_TOKEN_LENGTH +
                " random characters, e.g. 'openssl rand -hex 32'"));
        }
    }

    static boolean isPlaceholder(final String value)
    {
        final String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("<") && v.endsWith(">") || v.startsWith("${"))
        {
            return true;
        }
        if (v.chars().allMatch(c -> c == 'x' || c == '*' || c == '.' || c == '-'))
        {
            return true;
        }
        for (final String placeholder : PLACEHOLDERS)
        {
            if (v.equals(placeholder) || v.startsWith(placeholder) && (placeholder.endsWith("-") || placeholder.endsWith("_")) || v.contains("changeme"))
            {
                return true;
            }
        }
        return false;
    }

    static double bitsPerChar(final String value)
    {
        final Map<Character, Integer> counts = new java.util.HashMap<>();
        for (final char c : value.toCharArray())
        {
            counts.merge(c, 1, Integer::sum);
        }
        double bits = 0;
        for (final int count : counts.values())
        {
            final double p = (double) count / value.length();
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }
}
