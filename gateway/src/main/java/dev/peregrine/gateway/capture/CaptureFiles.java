package dev.peregrine.gateway.capture;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a capture file as UTF-8 lines, gzip or plain, told apart by their first bytes, not their names. */
public final class CaptureFiles
{
    private static final int BUFFER = 1 << 16;

    private CaptureFiles()
    {
    }

    /**
     * @throws CaptureFormatException if the file is zstd-compressed (the JDK has no zstd: use the .gz
     *                                recompression) or cannot be read.
     */
    public static BufferedReader openLines(final Path file)
    {
        InputStream in = null;
        try
        {
            in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            in.mark(4);
            final byte[] magic = in.readNBytes(4);
            in.reset();
            if (magic.length >= 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5 &&
                (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd)
            {
                throw new CaptureFormatException(file + " is zstd-compressed, which the JDK cannot read: " +
                    "recompress it with gzip (zstd -dc FILE | gzip > FILE.gz)");
            }
            if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b)
            {
                in = new GZIPInputStream(in, BUFFER);
            }
            // Malformed UTF-8 is an error here, not a silent replacement: frames must reach the client byte for byte.
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), BUFFER);
        }
        catch (final IOException ex)
        {
            closeQuietly(in);
            throw new CaptureFormatException("cannot read capture " + file + ": " + ex.getMessage(), ex);
        }
        catch (final RuntimeException ex)
        {
            closeQuietly(in);
            throw ex;
        }
    }

    /** The first non-blank line, or null if there is none. */
    static String firstLine(final Path file)
    {
        try (BufferedReader lines = openLines(file))
        {
            String line;
            while ((line = lines.readLine()) != null)
            {
                if (!line.isBlank())
                {
                    return line;
                }
            }
            return null;
        }
        catch (final IOException ex)
        {
            throw new CaptureFormatException("cannot read capture " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static void closeQuietly(final InputStream in)
    {
        if (in != null)
        {
            try
            {
                in.close();
            }
            catch (final IOException ignored)
            {
                // Already failing with a better message.
            }
        }
    }
}
