package dev.peregrine.gateway.binanceusdm;

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

import static dev.peregrine.gateway.binance.BinanceCatalogSource.filter;
import static dev.peregrine.gateway.binance.BinanceCatalogSource.required;
import static dev.peregrine.gateway.venue.CatalogFields.base;
import static dev.peregrine.gateway.venue.CatalogFields.json;
import static dev.peregrine.gateway.venue.CatalogFields.orZero;
import static dev.peregrine.gateway.venue.CatalogFields.positive;
import static dev.peregrine.gateway.venue.CatalogFields.price;
import static dev.peregrine.gateway.venue.CatalogFields.text;

/**
 * Binance USD-M's contract listing, {@code GET /fapi/v1/exchangeInfo} (public), read whole. Only
 * {@code contractType} {@code PERPETUAL} contracts are kept (quarterly deliveries are not perpetuals). From each:
 * {@code symbol}, {@code status}, the tick of its {@code PRICE_FILTER}, the lot of its {@code LOT_SIZE} (the coarser of
 * it and {@code MARKET_LOT_SIZE}, so a size fits both order types), the {@code notional} of its {@code MIN_NOTIONAL},
 * {@code maintMarginPercent}, {@code requiredMarginPercent} and {@code marginAsset}. The reference price is the mark
 * price of {@code GET /fapi/v1/premiumIndex?symbol=}; the margin tiers those of {@code GET /fapi/v1/leverageBracket}
 * where it answers without a key (the emulator), else one tier from the percents ({@link UsdmLeverageBrackets}).
 */
public final class UsdmCatalogSource implements CatalogSource
{
    private static final String PATH = "/fapi/v1/exchangeInfo";

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
            final String symbol = URLEncoder.encode(product.symbol(), StandardCharsets.UTF_8);
            final URI premium = URI.create(base(restBase) + "/fapi/v1/premiumIndex?symbol=" + symbol);
            final long mark = price(json(get.get(premium), premium.toString()).path("markPrice").asText(""), 0);
            final Product withPrice = UsdmContracts.priced(product, mark > 0 ? mark : product.referencePrice());
            priced.add(UsdmLeverageBrackets.tiered(withPrice, get,
                URI.create(base(restBase) + "/fapi/v1/leverageBracket?symbol=" + symbol)));
        }
        return new ProductCatalog(priced);
    }

    /**
     * Reads an exchangeInfo answer, keeping the perpetual contracts named (all perpetuals when none are named); the
     * reference price is the built-in list's, or 0 for a symbol it does not know.
     *
     * @throws IllegalArgumentException naming {@code source}, the symbol and the field when it is not the documented shape.
     */
    public static ProductCatalog parse(final String body, final String source, final List<String> keep)
    {
        final JsonNode listed = json(body, source).get("symbols");
        if (listed == null || !listed.isArray())
        {
            throw new IllegalArgumentException(source + " answered no symbols[] (is it Binance USD-M's " + PATH + "?)");
        }
        final List<Product> products = new ArrayList<>();
        int index = 0;
        for (final JsonNode symbol : listed)
        {
            final String name = text(symbol, "symbol", source, "at " + index++);
            if (!"PERPETUAL".equals(symbol.path("contractType").asText()) || !keep.isEmpty() && !keep.contains(name))
            {
                continue;
            }
            final long lot = positive(required(symbol, "LOT_SIZE", source, name), "stepSize", source, name);
            final JsonNode marketLot = filter(symbol, "MARKET_LOT_SIZE");
            final long marketStep = marketLot == null ? 0 : orZero(marketLot, "stepSize", source, name);
            final JsonNode notional = filter(symbol, "MIN_NOTIONAL");
            final Product builtIn = UsdmProducts.CATALOG.find(name);
            final Product product = new Product(name,
                positive(required(symbol, "PRICE_FILTER", source, name), "tickSize", source, name),
                Math.max(lot, marketStep), builtIn != null ? builtIn.referencePrice() : 0, 0,
                symbol.path("status").asText(""));
            products.add(UsdmContracts.perpetual(product,
                notional == null ? 0 : orZero(notional, "notional", source, name),
                positive(symbol, "maintMarginPercent", source, name),
                positive(symbol, "requiredMarginPercent", source, name),
                text(symbol, "marginAsset", source, name)));
        }
        return new ProductCatalog(products);
    }
}
