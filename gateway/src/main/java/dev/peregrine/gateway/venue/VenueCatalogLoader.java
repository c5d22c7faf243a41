package dev.peregrine.gateway.venue;

import dev.peregrine.core.instrument.CatalogText;
import dev.peregrine.core.instrument.ProductCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A venue's catalog read from its public REST API at start, with a cached copy for an offline start. On success the
 * products the run trades are written to the cache (in {@link CatalogText} form, replaced atomically); when the venue
 * cannot be reached, or answers something that is not its documented listing, the cache is used and one warning line
 * says why; when neither works, an {@link IllegalStateException} names the URL and the cache path. Either way every
 * product the run trades must be listed, or the load fails naming the missing ones. Runs once before the engine
 * starts: never on the hot path.
 */
public final class VenueCatalogLoader implements CatalogLoader
{
    /** The words of the warning line that says the cached copy was used (after the venue's name). */
    public static final String FROM_CACHED_COPY = "catalog from the cached copy";

    private final String venue;
    private final CatalogSource source;
    private final URI restBase;
    private final List<String> products;
    private final Path cache;
    private final Duration timeout;
    private final Consumer<String> warnings;

    /**
     * @param venue    the venue's name, for messages.
     * @param restBase the venue's REST base (the real venue's, or an emulator's).
     * @param products the symbols the run trades; each must be listed.
     * @param cache    the cached copy: written after a load from the venue, read when the venue cannot be reached.
     * @param warnings where the line about falling back to the cache goes.
     */
    public VenueCatalogLoader(final String venue, final CatalogSource source, final URI restBase,
        final List<String> products, final Path cache, final Duration timeout, final Consumer<String> warnings)
    {
        this.venue = venue;
        this.source = source;
        this.restBase = restBase;
        this.products = List.copyOf(products);
        this.cache = cache;
        this.timeout = timeout;
        this.warnings = warnings;
    }

    /** The venue's catalog narrowed to the products the run trades, in their order. */
    @Override
    public ProductCatalog load()
    {
        final URI url = source.listingUrl(restBase, products);
        final ProductCatalog fetched;
        try
        {
            fetched = source.read(this::get, restBase, products);
        }
        catch (final IOException | IllegalArgumentException | UncheckedIOException ex)
        {
            return fromCache(url, ex.getMessage());
        }
        final ProductCatalog traded = traded(fetched, url.toString());
        write(traded);
        return traded;
    }

    private ProductCatalog fromCache(final URI url, final String why)
    {
        if (!Files.isRegularFile(cache))
        {
            throw new IllegalStateException(venue + " catalog: cannot load it from " + url + " (" + why +
                ") and there is no cached copy at " + cache + " (one is written there after each load from the venue)");
        }
        final ProductCatalog cached;
        try
        {
            cached = CatalogText.decode(Files.readString(cache, StandardCharsets.UTF_8), cache.toString());
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            throw new IllegalStateException(venue + " catalog: cannot load it from " + url + " (" + why +
                ") and the cached copy at " + cache + " cannot be read: " + ex.getMessage(), ex);
        }
        warnings.accept("warning: " + venue + " " + FROM_CACHED_COPY + " " + cache + ": cannot load it from " +
            url + " (" + why + ")");
        return traded(cached, cache.toString());
    }

    private ProductCatalog traded(final ProductCatalog listed, final String from)
    {
        final List<String> missing = new ArrayList<>();
        for (final String product : products)
        {
            if (listed.find(product) == null)
            {
                missing.add(product);
            }
        }
        if (!missing.isEmpty())
        {
            throw new IllegalStateException(venue + " catalog from " + from + " does not list " +
                String.join(", ", missing) + ", which the configuration trades");
        }
        final ProductCatalog traded = listed.only(products);
        for (final ProductCatalog.Product product : traded.products())
        {
            if (product.referencePrice() == 0)
            {
                throw new IllegalStateException(venue + " catalog from " + from + ": no price for " + product.symbol() +
                    " (the venue gives none and the built-in list does not know it); the engine sizes orders and " +
                    "centres its sanity band on one");
            }
            if (!product.status().isEmpty() && !product.status().equals(source.tradingStatus()))
            {
                warnings.accept("warning: " + venue + " lists " + product.symbol() + " as " + product.status() +
                    ", not " + source.tradingStatus() + ": orders on it may be refused");
            }
        }
        return traded;
    }

    private void write(final ProductCatalog traded)
    {
        try
        {
            final Path parent = cache.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            final Path temporary = Files.createTempFile(parent, cache.getFileName().toString(), ".tmp");
            Files.writeString(temporary, CatalogText.encode(traded), StandardCharsets.UTF_8);
            Files.move(temporary, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            // The run can go on with what it loaded; only a later offline start misses the copy.
            warnings.accept("warning: " + venue + " catalog: cannot write the cached copy " + cache + ": " + ex.getMessage());
        }
    }

    private String get(final URI url) throws IOException
    {
        final HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        final HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json")
            .GET().build();
        final HttpResponse<String> answer;
        try
        {
            answer = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
        catch (final IOException ex)
        {
            throw new IOException(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage(), ex);
        }
        if (answer.statusCode() / 100 != 2)
        {
            final String body = answer.body();
            throw new IOException("HTTP " + answer.statusCode() + " from " + url + ": " +
                (body.length() > 200 ? body.substring(0, 200) + "..." : body));
        }
        return answer.body();
    }
}
