package dev.peregrine.journal.importer;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A historical file opened as bytes, unpacked on the fly as the exchanges ship them: Binance archives
 * are {@code .zip} files holding one CSV, other downloads are often {@code .gz}. Counts the bytes read
 * from the file itself (packed), so the progress display knows how far along it is without a second pass.
 */
public final class InputFile implements AutoCloseable
{
    private final Path path;
    private final long size;
    private final CountingStream counted;
    private final InputStream content;

    private InputFile(final Path path, final long size, final CountingStream counted, final InputStream content)
    {
        this.path = path;
        this.size = size;
        this.counted = counted;
        this.content = content;
    }

    /**
     * Opens {@code path}; a {@code .zip} yields its first file, a {@code .gz} its content.
     *
     * @throws ImportException naming the file when it is missing, a folder, unreadable or an empty zip
     */
    public static InputFile open(final Path path)
    {
        if (Files.isDirectory(path))
        {
            throw new ImportException(path + ": is a folder (a Peregrine journal folder needs --format journal " +
                "or a *.cq4 file inside)");
        }
        try
        {
            final long size = Files.size(path);
            final CountingStream counted = new CountingStream(Files.newInputStream(path));
            final String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            InputStream content = new BufferedInputStream(counted, 1 << 16);
            if (name.endsWith(".gz"))
            {
                content = new BufferedInputStream(new GZIPInputStream(content, 1 << 16), 1 << 16);
            }
            else if (name.endsWith(".zip"))
            {
                final ZipInputStream zip = new ZipInputStream(content);
                ZipEntry entry = zip.getNextEntry();
                while (entry != null && entry.isDirectory())
                {
                    entry = zip.getNextEntry();
                }
                if (entry == null)
                {
                    zip.close();
                    throw new ImportException(path + ": the zip archive holds no file");
                }
                content = new BufferedInputStream(zip, 1 << 16);
            }
            return new InputFile(path, size, counted, content);
        }
        catch (final NoSuchFileException e)
        {
            throw new ImportException(path + ": no such file");
        }
        catch (final IOException e)
        {
            throw new ImportException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    public Path path()
    {
        return path;
    }

    /** The unpacked content. */
    public InputStream content()
    {
        return content;
    }

    /** Fraction of the file's bytes read so far (0 to 1); any thread. */
    public double progress()
    {
        return size <= 0 ? 1.0 : Math.min(1.0, counted.count / (double)size);
    }

    @Override
    public void close()
    {
        try
        {
            content.close();
        }
        catch (final IOException ignored)
        {
            // read-only: nothing is lost by a failed close
        }
    }

    /** Counts bytes from the file; the count is volatile because a progress thread reads it. */
    private static final class CountingStream extends FilterInputStream
    {
        private volatile long count;

        CountingStream(final InputStream in)
        {
            super(in);
        }

        @Override
        public int read() throws IOException
        {
            final int b = super.read();
            if (b >= 0)
            {
                count = count + 1;
            }
            return b;
        }

        @Override
        public int read(final byte[] b, final int off, final int len) throws IOException
        {
            final int n = super.read(b, off, len);
            if (n > 0)
            {
                count = count + n; // one writer (the reading thread)
            }
            return n;
        }
    }
}
