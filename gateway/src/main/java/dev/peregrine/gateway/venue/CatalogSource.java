package dev.peregrine.gateway.venue;

import dev.peregrine.core.instrument.ProductCatalog;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * How one venue's public REST API lists its products: which calls to make and how to read their answers into a
 * catalog (increments, minimum notional, status, and a reference price). The calls need no API key. The venue
 * package knows its answer's shape; {@link VenueCatalogLoader} does the fetching, the caching and the fallback.
 */
public interface CatalogSource
{
    /** One public GET, answered with the body of a 2xx answer. */
    @FunctionalInterface
    interface PublicGet
    {
        /** @throws IOException naming the URL and the status when the answer is not a 2xx, or the call fails. */
        String get(URI url) throws IOException;
    }

    /** The venue's word for a product that trades normally ({@code online}, {@code TRADING}). */
    String tradingStatus();

    /** The URL of the venue's product listing under {@code restBase}, for people and for error messages. */
    URI listingUrl(URI restBase, List<String> products);

    /**
     * The venue's products, at least those named (others it returned may be kept).
     *
     * @param products the symbols the run trades: the listing may be narrowed to them.
     * @throws IOException              when a call fails.
     * @throws IllegalArgumentException naming the field when an answer is not the documented shape.
     */
    ProductCatalog read(PublicGet get, URI restBase, List<String> products) throws IOException;
}
