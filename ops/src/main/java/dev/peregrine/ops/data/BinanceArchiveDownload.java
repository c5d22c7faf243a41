package dev.peregrine.ops.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Fetches the archive files of a {@link BinanceArchivePlan} into {@code OUT/archive/}, each verified against its
 * {@code .CHECKSUM} (SHA-256) before it takes its name: a file with its final name is complete and verified, so a
 * second run skips it; a {@code .part} file is continued. A mismatch deletes the part and fails the run: a damaged
 * file is never kept where a later run would take it for a good one.
 */
final class BinanceArchiveDownload
{
    private final ResumableHttp http;
    private final DownloadProgress progress;

    BinanceArchiveDownload(final ResumableHttp http, final DownloadProgress progress)
    {
        this.http = http;
        this.progress = progress;
    }

    /** The verified archive files of {@code request}, in time order. */
    List<Path> fetch(final DownloadRequest request)
    {
        final Path folder = request.out().resolve("archive");
        createFolder(folder);
        final List<Path> done = new ArrayList<>();
        for (final BinanceArchivePlan.ArchiveFile file : BinanceArchivePlan.files(request))
        {
            final Path target = folder.resolve(file.name());
            if (Files.isRegularFile(target))
            {
                progress.finished(file.name(), ResumableHttp.size(target), "skipped (already complete)");
                done.add(target);
                continue;
            }
            final String expected = expectedSha256(http.text(request.resolve(file.path() + ".CHECKSUM")), file.name());
            final Path part = folder.resolve(file.name() + ".part");
            final boolean resumed = Files.exists(part);
            http.toFile(request.resolve(file.path()), part, file.name());
            final String actual = sha256(part);
            if (!actual.equals(expected))
            {
                delete(part);
                throw new DataDownloadException(file.name() + ": checksum mismatch: the download's SHA-256 is " + actual +
                    " but " + file.name() + ".CHECKSUM says " + expected + "; the file was not kept (run again to " +
                    "download it afresh)");
            }
            try
            {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (final IOException ex)
            {
                throw new DataDownloadException(target + ": cannot rename the verified download (" + ex.getMessage() + ")");
            }
            progress.finished(file.name(), ResumableHttp.size(target), (resumed ? "resumed, " : "downloaded, ") + "sha256 verified");
            done.add(target);
        }
        return done;
    }

    /** The hex digest in a {@code .CHECKSUM} file ({@code <64 hex>  <name>}). */
    static String expectedSha256(final String checksumFile, final String name)
    {
        final String text = checksumFile.strip();
        final String hex = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}"))
        {
            throw new DataDownloadException(name + ".CHECKSUM: holds no SHA-256 (expected '<64 hex digits>  " + name + "')");
        }
        return hex;
    }

    static String sha256(final Path file)
    {
        try (InputStream in = Files.newInputStream(file))
        {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            final byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0)
            {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (final IOException ex)
        {
            throw new DataDownloadException(file + ": cannot read (" + ex.getMessage() + ")");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }

    static void createFolder(final Path folder)
    {
        try
        {
            Files.createDirectories(folder);
        }
        catch (final IOException ex)
        {
            throw new DataDownloadException(folder + ": cannot create the folder (" + ex.getMessage() + ")");
        }
    }

    private static void delete(final Path file)
    {
        try
        {
            Files.deleteIfExists(file);
        }
        catch (final IOException ex)
        {
            throw new DataDownloadException(file + ": cannot delete the damaged download (" + ex.getMessage() + "); delete it by hand");
        }
    }
}
