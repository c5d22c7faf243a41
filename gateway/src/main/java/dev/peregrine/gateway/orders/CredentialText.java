package dev.peregrine.gateway.orders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The venue-neutral checks on an API key or secret as a user pastes it, and the reading of a key file: every
 * venue's credentials reject the same mistakes (a missing file, a placeholder left from a template, a key with
 * spaces or non-ASCII characters from a bad copy) with the same wording. Messages never quote the secret.
 */
public final class CredentialText
{
    private CredentialText()
    {
    }

    /**
     * The text of a key file, as UTF-8.
     *
     * @throws CredentialsException naming the file when it does not exist or cannot be read.
     */
    public static String readKeyFile(final Path file)
    {
        try
        {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final NoSuchFileException ex)
        {
            throw new CredentialsException("key file " + file + " does not exist");
        }
        catch (final IOException ex)
        {
            throw new CredentialsException("cannot read key file " + file + ": " + ex.getClass().getSimpleName());
        }
    }

    /** Whether {@code value} holds, in any case, one of the words templates put where a key belongs. */
    public static boolean isPlaceholder(final String value, final String... placeholders)
    {
        final String lower = value.toLowerCase(Locale.ROOT);
        for (final String placeholder : placeholders)
        {
            if (lower.contains(placeholder))
            {
                return true;
            }
        }
        return false;
    }

    /** Whether every character is printable ASCII other than a space: how venues issue keys and secrets. */
    public static boolean printableWithoutSpaces(final String value)
    {
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c <= ' ' || c > '~')
            {
                return false;
            }
        }
        return true;
    }
}
