package dev.peregrine.gateway.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.gateway.venue.CatalogSource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.peregrine.gateway.venue.CatalogFields.base;
import static dev.peregrine.gateway.venue.CatalogFields.json;
import static dev.peregrine.gateway.venue.CatalogFields.orZero;
import static dev.peregrine.gateway.venue.CatalogFields.positive;
import static dev.peregrine.gateway.venue.CatalogFields.price;
import static dev.peregrine.gateway.venue.CatalogFields.text;

/**
 * Binance spot's product listing, {@code GET /api/v3/exchangeInfo} (public), read whole rather than narrowed by its
 * {@code symbols} parameter, because the venue answers a whole narrowed request with error -1121 when one symbol is
 * unknown, and a missing product should be named as such. From each of {@code symbols[]}: {@code symbol},
 * {@code status}, the tick {@code tickSize} of its {@code PRICE_FILTER}, the lot {@code stepSize} of its
 * {@code LOT_SIZE}, and the minimum order value {@code minNotional} of its {@code NOTIONAL} filter (or the older
 * {@code MIN_NOTIONAL}). exchangeInfo carries no price, so the reference price is the middle of each traded symbol's
 * {@code GET /api/v3/ticker/bookTicker?symbol=} (the built-in list's where the book is empty).
 */
public final class BinanceCatalogSource implements CatalogSource
{
    private static final String PATH = "/api/v3/exchangeInfo";

    @Override
    public String tradingStatus()
    {
        return "TRADING";
    }

    @Override
    public URI listingUrl(final URI restBase, final List<String> products)
    {
        return URI.create(base(restBase) + PATH);
    }

    @Override
    public ProductCatalog read(final PublicGet get, final URI restBase, final List<String> products) throws IOException
    {
        final URI url = listingUrl(restBase, products);
        final ProductCatalog listed = parse(get.get(url), url.toString(), products);
        final List<Product> priced = new ArrayList<>(listed.products().size());
        for (final Product product : listed.products())
        {
            final URI ticker = URI.create(base(restBase) + "/api/v3/ticker/bookTicker?symbol=" +
                URLEncoder.encode(product.symbol(), StandardCharsets.UTF_8));
            final JsonNode book = json(get.get(ticker), ticker.toString());
            final long bid = price(book.path("bidPrice").asText(""), 0);
            final long ask = price(book.path("askPrice").asText(""), 0);
            final long mid = bid > 0 && ask > 0 ? bid + (ask - bid) / 2 : Math.max(bid, ask);
            priced.add(new Product(product.symbol(), product.priceIncrement(), product.sizeIncrement(),
                mid > 0 ? mid : product.referencePrice(), product.minNotional(), product.status()));
        }
        return new ProductCatalog(priced);
    }

    /**
     * Reads an exchangeInfo answer, keeping the symbols named (all when none are named); the reference price is the
     * built-in list's, or 0 for a symbol it does not know. Symbols the run does not trade are skipped unread.
     *
     * @throws IllegalArgumentException naming {@code source}, the symbol and the filter when it is not the documented shape.
     */
    public static ProductCatalog parse(final String body, final String source, final List<String> keep)
    {
        final JsonNode listed = json(body, source).get("symbols");
        if (listed == null || !listed.isArray())
        {
            throw new IllegalArgumentException(source + " answered no symbols[] (is it Binance's " + PATH + "?)");
        }
        final List<Product> products = new ArrayList<>();
        for (final JsonNode symbol : listed)
        {
            final String name = text(symbol, "symbol", source, "at " + products.size());
            if (!keep.isEmpty() && !keep.contains(name))
            {
                continue;
            }
            final JsonNode notional = filter(symbol, "NOTIONAL");
            final JsonNode fallbackNotional = filter(symbol, "MIN_NOTIONAL");
            final Product builtIn = BinanceProducts.CATALOG.find(name);
            products.add(new Product(name,
                positive(required(symbol, "PRICE_FILTER", source, name), "tickSize", source, name),
                positive(required(symbol, "LOT_SIZE", source, name), "stepSize", source, name),
                builtIn != null ? builtIn.referencePrice() : 0,
                notional != null ? orZero(notional, "minNotional", source, name) :
                    fallbackNotional != null ? orZero(fallbackNotional, "minNotional", source, name) : 0,
                symbol.path("status").asText("")));
        }
        return new ProductCatalog(products);
    }

    /** The filter of {@code type} in a symbol's {@code filters}; throws naming the product and the filter when absent. */
    public static JsonNode required(final JsonNode symbol, final String type, final String source, final String name)
    {
        final JsonNode filter = filter(symbol, type);
        if (filter == null)
        {
            throw new IllegalArgumentException(source + ": product " + name + " has no " + type + " filter");
        }
        return filter;
    }

    /** The filter of {@code type} in a symbol's {@code filters}, or null. */
    public static JsonNode filter(final JsonNode symbol, final String type)
    {
        for (final JsonNode filter : symbol.path("filters"))
        {
            if (type.equals(filter.path("filterType").asText()))
            {
                return filter;
            }
        }
        return null;
    }
}
