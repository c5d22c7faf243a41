package dev.peregrine.gateway.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.gateway.coinbase.intx.IntxProductFields;
import dev.peregrine.gateway.coinbase.intx.IntxProducts;
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
 * Coinbase Advanced Trade's product listing, {@code GET /api/v3/brokerage/market/products} (public: no JWT), narrowed
 * with its repeatable {@code product_ids} parameter to the products the run trades. From each product of the answer's
 * {@code products[]}: {@code product_id}, the tick {@code price_increment} ({@code quote_increment} where it is
 * missing), the lot {@code base_increment}, the minimum order value {@code quote_min_size}, {@code status}, and the
 * current {@code price} as the reference price (the built-in list's where the venue gives none); for an INTX
 * perpetual ({@code product_type} FUTURE, e.g. {@code BTC-PERP-INTX}) its contract terms ({@link IntxProductFields}).
 */
public final class CoinbaseCatalogSource implements CatalogSource
{
    private static final String PATH = "/api/v3/brokerage/market/products";

    @Override
    public String tradingStatus()
    {
        return "online";
    }

    @Override
    public URI listingUrl(final URI restBase, final List<String> products)
    {
        final StringBuilder url = new StringBuilder(base(restBase)).append(PATH);
        char separator = '?';
        for (final String product : products)
        {
            url.append(separator).append("product_ids=").append(URLEncoder.encode(product, StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    @Override
    public ProductCatalog read(final PublicGet get, final URI restBase, final List<String> products) throws IOException
    {
        final URI url = listingUrl(restBase, products);
        final ProductCatalog listed = parse(get.get(url), url.toString(), products);
        // A listing may leave futures out unless asked for them by type: Get Public Product answers for any id.
        final List<Product> perpetuals = new ArrayList<>();
        for (final String missing : IntxProducts.perpetualsAmong(products))
        {
            if (listed.find(missing) == null)
            {
                final URI one = URI.create(base(restBase) + PATH + "/" + URLEncoder.encode(missing, StandardCharsets.UTF_8));
                perpetuals.add(product(json(get.get(one), one.toString()), one.toString(), missing));
            }
        }
        return perpetuals.isEmpty() ? listed : listed.plus(new ProductCatalog(perpetuals));
    }

    /**
     * Reads a List Public Products answer, keeping the products named (all when none are named); products the run
     * does not trade are skipped unread, so one the engine cannot represent does not stop it.
     *
     * @throws IllegalArgumentException naming {@code source}, the product and the field when it is not the documented shape.
     */
    public static ProductCatalog parse(final String body, final String source, final List<String> keep)
    {
        final JsonNode listed = json(body, source).get("products");
        if (listed == null || !listed.isArray())
        {
            throw new IllegalArgumentException(source + " answered no products[] (is it Coinbase Advanced Trade's " +
                PATH + "?)");
        }
        final List<Product> products = new ArrayList<>();
        for (final JsonNode product : listed)
        {
            final String id = text(product, "product_id", source, "at " + products.size());
            if (!keep.isEmpty() && !keep.contains(id))
            {
                continue;
            }
            products.add(product(product, source, id));
        }
        return new ProductCatalog(products);
    }

    /** One product of an answer (a listing's entry, or Get Public Product's whole answer). */
    private static Product product(final JsonNode product, final String source, final String id)
    {
        final String tick = product.hasNonNull("price_increment") ? "price_increment" : "quote_increment";
        final Product builtIn = CoinbaseProducts.CATALOG.find(id);
        return new Product(id,
            positive(product, tick, source, id),
            positive(product, "base_increment", source, id),
            price(product.path("price").asText(""), builtIn != null ? builtIn.referencePrice() : 0),
            orZero(product, "quote_min_size", source, id),
            product.path("status").asText(""),
            IntxProductFields.isPerpetual(product) ? IntxProductFields.terms(product, source, id) : null);
    }
}
