package dev.peregrine.ops.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The HTTP side of {@code data download}: a file fetched into {@code NAME.part} and continued with a {@code Range}
 * request after a dropped connection or a restart of the command, and small text answers (checksums, candle pages).
 * Both wait and retry on HTTP 429 for as long as {@code Retry-After} says (seconds; a missing or odd value waits
 * with a doubling back-off), and retry a dropped connection; after {@link #ATTEMPTS} tries the download fails with
 * one line naming the URL. A 404 fails at once: the archive has no such file (a day not published yet, a wrong
 * symbol).
 */
final class ResumableHttp
{
    static final int ATTEMPTS = 6;
    /** The longest wait a Retry-After may ask for before the download gives up rather than hang for hours. */
    private static final long MAX_RETRY_AFTER_SECONDS = 120;

    private final HttpClient client = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    private final DownloadProgress progress;
    private final long firstBackoffMillis;

    /** @param firstBackoffMillis the wait before the first retry of a dropped connection, doubling after */
    ResumableHttp(final DownloadProgress progress, final long firstBackoffMillis)
    {
        this.progress = progress;
        this.firstBackoffMillis = firstBackoffMillis;
    }

    /** The body of a GET as text (UTF-8). */
    String text(final URI uri)
    {
        long backoff = firstBackoffMillis;
        for (int attempt = 1; ; attempt++)
        {
            final HttpResponse<String> response;
            try
            {
                response = client.send(get(uri).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            catch (final IOException ex)
            {
                retryOrFail(uri, attempt, "connection failed (" + why(ex) + ")", backoff);
                backoff *= 2;
                continue;
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new DataDownloadException(uri + ": interrupted");
            }
            final int status = response.statusCode();
            if (status == 200)
            {
                return response.body();
            }
            waitOrFail(uri, attempt, status, response.headers().firstValue("Retry-After").orElse(null), backoff);
            backoff *= 2;
        }
    }

    /**
     * Fetches {@code uri} into {@code part}, continuing what it already holds with a Range request; returns when the
     * whole body is there. The caller verifies it and renames it.
     */
    void toFile(final URI uri, final Path part, final String displayName)
    {
        long backoff = firstBackoffMillis;
        for (int attempt = 1; ; attempt++)
        {
            final long have = size(part);
            final HttpRequest.Builder request = get(uri);
            if (have > 0)
            {
                request.header("Range", "bytes=" + have + "-");
            }
            final HttpResponse<InputStream> response;
            try
            {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            }
            catch (final IOException ex)
            {
                retryOrFail(uri, attempt, "connection failed (" + why(ex) + ")", backoff);
                backoff *= 2;
                continue;
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new DataDownloadException(uri + ": interrupted");
            }
            final int status = response.statusCode();
            if (status == 416 && have > 0)
            {
                // The part already holds the whole file (the command stopped between the last byte and the rename).
                drain(response);
                return;
            }
            if (status != 200 && status != 206)
            {
                drain(response);
                waitOrFail(uri, attempt, status, response.headers().firstValue("Retry-After").orElse(null), backoff);
                backoff *= 2;
                continue;
            }
            // 200 to a Range request: the server sends the whole file again, so start the part over.
            final boolean append = status == 206;
            final OptionalLong length = response.headers().firstValueAsLong("Content-Length");
            progress.started(displayName, length.isPresent() ? length.getAsLong() + (append ? have : 0) : -1, append ? have : 0);
            try (InputStream in = response.body();
                 OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING))
            {
                final byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) >= 0)
                {
                    out.write(buffer, 0, n);
                    progress.advanced(n);
                }
            }
            catch (final IOException ex)
            {
                retryOrFail(uri, attempt, "connection dropped after " + DownloadProgress.bytes(size(part)) + " (" +
                    why(ex) + "); continuing from there", backoff);
                backoff *= 2;
                continue;
            }
            if (length.isPresent() && size(part) != length.getAsLong() + (append ? have : 0))
            {
                retryOrFail(uri, attempt, "connection dropped after " + DownloadProgress.bytes(size(part)) +
                    "; continuing from there", backoff);
                backoff *= 2;
                continue;
            }
            return;
        }
    }

    private static HttpRequest.Builder get(final URI uri)
    {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("User-Agent", "peregrine-data-download").GET();
    }

    private void waitOrFail(final URI uri, final int attempt, final int status, final String retryAfter, final long backoff)
    {
        if (status == 404)
        {
            throw new DataDownloadException(uri + ": not found (HTTP 404): the archive has no such file; check the " +
                "product, the dates (a day is published the day after) and the kind");
        }
        if (status != 429 && status < 500)
        {
            throw new DataDownloadException(uri + ": HTTP " + status);
        }
        long waitMillis = backoff;
        if (status == 429 && retryAfter != null)
        {
            try
            {
                final long seconds = Long.parseLong(retryAfter.trim());
                if (seconds > MAX_RETRY_AFTER_SECONDS)
                {
                    throw new DataDownloadException(uri + ": HTTP 429 asks to wait " + seconds + " s (Retry-After), over " +
                        MAX_RETRY_AFTER_SECONDS + " s; run the command again later, it continues where it stopped");
                }
                waitMillis = Math.max(0, seconds) * 1000;
            }
            catch (final NumberFormatException ex)
            {
                // An HTTP date or garbage: keep the back-off.
            }
        }
        retryOrFail(uri, attempt, "HTTP " + status + (status == 429 ? " (rate limited)" : ""), waitMillis);
    }

    private void retryOrFail(final URI uri, final int attempt, final String what, final long waitMillis)
    {
        if (attempt >= ATTEMPTS)
        {
            throw new DataDownloadException(uri + ": " + what + ", given up after " + ATTEMPTS + " tries; run the " +
                "command again to continue");
        }
        progress.note(uri + ": " + what + "; retrying in " + waitMillis + " ms");
        try
        {
            Thread.sleep(waitMillis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new DataDownloadException(uri + ": interrupted");
        }
    }

    private static void drain(final HttpResponse<InputStream> response)
    {
        try (InputStream in = response.body())
        {
            in.transferTo(OutputStream.nullOutputStream());
        }
        catch (final IOException ignored)
        {
            // Only freeing the connection.
        }
    }

    static long size(final Path file)
    {
        try
        {
            return Files.exists(file) ? Files.size(file) : 0;
        }
        catch (final IOException ex)
        {
            throw new DataDownloadException(file + ": cannot read its size (" + ex.getMessage() + ")");
        }
    }

    /** The exception's message, or its kind where it has none (the JDK's refused connection has no message). */
    private static String why(final Exception ex)
    {
        if (ex.getMessage() != null)
        {
            return ex.getMessage();
        }
        return ex instanceof java.net.ConnectException ? "connection refused" : ex.getClass().getSimpleName();
    }
}
