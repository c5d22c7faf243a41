package dev.peregrine.gateway.orders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The credentials in use, re-read from their key files when the files change, so a rotated key (a Kubernetes Secret
 * updated in place, a Vault Agent template re-rendered) is used without a restart. The files are read on a daemon
 * thread of its own ({@code peregrine-key-watch}) at most once a {@code period} (a second in production), never on the
 * order path: a signed request only reads a volatile field ({@link #get}).
 *
 * <p>A change is taken once the files read the same on two checks in a row, so a file caught half-written, or a key
 * and secret written one after the other, is not used in between. New contents that do not parse as credentials (a
 * broken or partial file) keep the key in use and log one line naming the file and what is wrong, never the secret;
 * the same broken contents are not logged again. A taken key is logged in one line too.
 *
 * @param <T> the venue's credentials ({@code BinanceCredentials}, {@code CoinbaseCredentials})
 */
public final class KeyFileWatch<T> implements Supplier<T>, AutoCloseable
{
    /** Builds the venue's credentials from the two texts; throws {@link CredentialsException} (or any runtime exception) when they are unusable. */
    @FunctionalInterface
    public interface Parser<T>
    {
        T parse(String key, String secret, String source);
    }

    /** How often the files are checked in production: a rotated key signs within about two of these. */
    public static final Duration PERIOD = Duration.ofSeconds(1);

    private final KeyFiles files;
    private final String fixedKey;
    private final String fixedSecret;
    private final Parser<T> parser;
    private final Consumer<String> log;
    private final ScheduledExecutorService thread;
    private volatile T current;
    private Texts inUse;
    private Texts pending;
    private Texts reportedBroken;

    private record Texts(String key, String secret)
    {
    }

    /**
     * Starts watching; {@code initial} is what {@code key} and {@code secret} (as read at start) parse to.
     *
     * @param log where the one-line notices go (the engine's stderr)
     */
    public KeyFileWatch(final KeyFiles files, final String key, final String secret, final T initial, final Parser<T> parser,
        final Consumer<String> log, final Duration period)
    {
        this.files = Objects.requireNonNull(files, "files");
        this.fixedKey = key;
        this.fixedSecret = secret;
        this.parser = parser;
        this.log = log;
        this.current = Objects.requireNonNull(initial, "initial credentials");
        this.inUse = new Texts(clean(key), clean(secret));
        if (!files.any())
        {
            throw new IllegalArgumentException("KeyFileWatch needs a key file or a secret file to watch; use the " +
                "credentials directly when both come from the environment");
        }
        this.thread = Executors.newSingleThreadScheduledExecutor(r ->
        {
            final Thread t = new Thread(r, "peregrine-key-watch");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::checkQuietly, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The credentials to sign the next request with. */
    @Override
    public T get()
    {
        return current;
    }

    private void checkQuietly()
    {
        try
        {
            check();
        }
        catch (final RuntimeException ex)
        {
            // Never let the watch thread die: the next check tries again.
            log.accept("peregrine: key files " + where() + ": check failed (" + ex.getClass().getSimpleName() + "); keeping the key in use");
        }
    }

    /** One check: read the files, and take, hold or refuse what they hold. */
    synchronized void check()
    {
        final Texts read;
        try
        {
            read = new Texts(files.keyFile() == null ? clean(fixedKey) : clean(Files.readString(files.keyFile(), StandardCharsets.UTF_8)),
                files.secretFile() == null ? clean(fixedSecret) : clean(Files.readString(files.secretFile(), StandardCharsets.UTF_8)));
        }
        catch (final IOException ex)
        {
            // A file replaced by rename can be missing for an instant; a file gone for good keeps being reported once.
            final Texts missing = new Texts("<unreadable>", ex.getClass().getSimpleName());
            if (missing.equals(pending) && !missing.equals(reportedBroken))
            {
                reportedBroken = missing;
                log.accept("peregrine: key files " + where() + ": cannot be read (" + ex.getClass().getSimpleName() +
                    "); keeping the key in use");
            }
            pending = missing;
            return;
        }
        if (read.equals(inUse))
        {
            pending = null;
            return;
        }
        if (!read.equals(pending))
        {
            pending = read; // changed since the last check: wait one more check for the writer to finish
            return;
        }
        if (read.equals(reportedBroken))
        {
            return;
        }
        final T parsed;
        try
        {
            parsed = parser.parse(read.key(), read.secret(), "key files " + where());
        }
        catch (final RuntimeException ex)
        {
            reportedBroken = read;
            log.accept("peregrine: key files " + where() + " changed but are not usable (" + ex.getMessage() +
                "); keeping the key in use");
            return;
        }
        current = parsed;
        inUse = read;
        reportedBroken = null;
        log.accept("peregrine: key files " + where() + " changed: the new key signs from the next request");
    }

    private String where()
    {
        return files.keyFile() == null ? String.valueOf(files.secretFile()) : files.secretFile() == null ?
            String.valueOf(files.keyFile()) : files.keyFile() + " and " + files.secretFile();
    }

    /** As the configuration reads a secret file: surrounding white space (the newline editors add) is not part of it. */
    private static String clean(final String text)
    {
        return text == null ? null : text.trim();
    }

    @Override
    public void close()
    {
        thread.shutdownNow();
    }
}
