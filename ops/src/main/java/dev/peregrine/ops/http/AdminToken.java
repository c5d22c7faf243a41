package dev.peregrine.ops.http;

import dev.peregrine.ops.cli.UsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where the admin bearer token comes from: a file given on the command line, else the environment
 * variable {@value #ENV}, else (for the demo) a fresh random token written to a file only the owner can
 * read. The token itself is never printed; people are told where to find it.
 */
public final class AdminToken
{
    public static final String ENV = "PEREGRINE_ADMIN_TOKEN";

    private final String token;
    private final String source;

    private AdminToken(final String token, final String source)
    {
        this.token = token;
        this.source = source;
    }

    public static AdminToken resolve(final Path file, final Map<String, String> environment, final Path generatedFile)
    {
        if (file != null)
        {
            try
            {
                return checked(Files.readString(file, StandardCharsets.UTF_8).trim(), "--admin-token-file " + file);
            }
            catch (final IOException ex)
            {
                throw new UsageException("--admin-token-file " + file + ": cannot read it (" + ex.getMessage() + ")");
            }
        }
        final String fromEnv = environment.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank())
        {
            return checked(fromEnv.trim(), ENV);
        }
        final byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        final String token = HexFormat.of().formatHex(random);
        try
        {
            final Path parent = generatedFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(generatedFile, token + "\n", StandardCharsets.UTF_8);
            try
            {
                Files.setPosixFilePermissions(generatedFile, PosixFilePermissions.fromString("rw-------"));
            }
            catch (final UnsupportedOperationException notPosix)
            {
                // A file system without POSIX permissions (Windows): the folder's own protection applies.
            }
        }
        catch (final IOException ex)
        {
            throw new UsageException("cannot write the admin token file " + generatedFile + " (" + ex.getMessage() + ")");
        }
        return new AdminToken(token, generatedFile.toString());
    }

    private static AdminToken checked(final String token, final String source)
    {
        if (token.length() < 16)
        {
            throw new UsageException(source + ": the admin token must be at least 16 characters");
        }
        return new AdminToken(token, source);
    }

    public String token()
    {
        return token;
    }

    /** Where the token came from (a file path or the variable's name), never the token. */
    public String source()
    {
        return source;
    }

    @Override
    public String toString()
    {
        return "AdminToken{source=" + source + "}";
    }
}
