package dev.peregrine.core.instrument;

import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.core.number.FixedPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a {@link ProductCatalog}: what a journal records as the catalog its run traded with, and what a
 * venue catalog's offline cache holds. One product a line, fields separated by one space, decimals as the venue
 * writes them (scaled longs printed back), so people can read and diff it:
 * <pre>
 * # peregrine catalog 1
 * symbol price_increment size_increment reference_price min_notional status
 * BTC-USD 0.01 0.00000001 65000 1 online
 * </pre>
 * An empty status is written {@code -}. The first line names the format's version, so a later layout is told apart
 * instead of misread.
 *
 * <p>Version 2 adds perpetual futures: a perpetual product's line goes on with its {@link PerpetualTerms}, spot lines
 * stay as they were, and a catalog without perpetuals is still written as version 1 (byte for byte what older builds
 * wrote, so journals of spot runs keep their headers):
 * <pre>
 * # peregrine catalog 2
 * symbol price_increment size_increment reference_price min_notional status [contract_size max_leverage funding_interval_nanos settlement tiers]
 * BTCUSDT 0.1 0.001 65000 100 TRADING 1 125 28800000000000 USDT 0:50000:125:0.004:0,50000:250000:100:0.005:50,...
 * </pre>
 * Tiers are {@code floor:cap:max_leverage:maintenance_rate:maintenance_amount}, comma-separated, the last cap
 * {@code max} for no cap.
 */
public final class CatalogText
{
    /** The first line of every catalog text. */
    public static final String FIRST_LINE = "# peregrine catalog 1";
    /** The first line of a catalog text that lists a perpetual future. */
    public static final String FIRST_LINE_PERPETUAL = "# peregrine catalog 2";
    private static final String COLUMNS = "symbol price_increment size_increment reference_price min_notional status";
    private static final String PERPETUAL_COLUMNS =
        " [contract_size max_leverage funding_interval_nanos settlement tiers]";
    private static final String NO_STATUS = "-";
    private static final String NO_CAP = "max";
    private static final int SPOT_FIELDS = 6;
    private static final int PERPETUAL_FIELDS = 11;

    private CatalogText()
    {
    }

    /** The catalog as text, products in its order. */
    public static String encode(final ProductCatalog catalog)
    {
        final StringBuilder text = new StringBuilder(64 + 64 * catalog.products().size());
        final boolean perpetuals = catalog.products().stream().anyMatch(Product::isPerpetual);
        if (perpetuals)
        {
            text.append(FIRST_LINE_PERPETUAL).append('\n').append(COLUMNS).append(PERPETUAL_COLUMNS).append('\n');
        }
        else
        {
            text.append(FIRST_LINE).append('\n').append(COLUMNS).append('\n');
        }
        for (final Product product : catalog.products())
        {
            text.append(product.symbol()).append(' ');
            FixedPoint.appendTo(text, product.priceIncrement());
            text.append(' ');
            FixedPoint.appendTo(text, product.sizeIncrement());
            text.append(' ');
            FixedPoint.appendTo(text, product.referencePrice());
            text.append(' ');
            FixedPoint.appendTo(text, product.minNotional());
            text.append(' ').append(product.status().isEmpty() ? NO_STATUS : product.status());
            if (product.isPerpetual())
            {
                appendTerms(text, product.perpetual());
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static void appendTerms(final StringBuilder text, final PerpetualTerms terms)
    {
        text.append(' ');
        FixedPoint.appendTo(text, terms.contractSize());
        text.append(' ');
        FixedPoint.appendTo(text, terms.maxLeverage());
        text.append(' ').append(terms.fundingIntervalNanos()).append(' ').append(terms.settlementCurrency()).append(' ');
        for (int i = 0; i < terms.tiers().size(); i++)
        {
            final MarginTier tier = terms.tiers().get(i);
            text.append(i == 0 ? "" : ",");
            FixedPoint.appendTo(text, tier.notionalFloor());
            text.append(':');
            if (tier.notionalCap() == Long.MAX_VALUE)
            {
                text.append(NO_CAP);
            }
            else
            {
                FixedPoint.appendTo(text, tier.notionalCap());
            }
            text.append(':');
            FixedPoint.appendTo(text, tier.maxLeverage());
            text.append(':');
            FixedPoint.appendTo(text, tier.maintenanceRate());
            text.append(':');
            FixedPoint.appendTo(text, tier.maintenanceAmount());
        }
    }

    private static PerpetualTerms parseTerms(final String symbol, final String[] fields)
    {
        final String[] tierTexts = fields[10].split(",");
        final List<MarginTier> tiers = new ArrayList<>(tierTexts.length);
        for (int t = 0; t < tierTexts.length; t++)
        {
            final String[] parts = tierTexts[t].split(":", -1);
            final String what = symbol + " margin tier " + (t + 1);
            if (parts.length != 5)
            {
                throw new IllegalArgumentException(what + ": expected floor:cap:max_leverage:maintenance_rate:" +
                    "maintenance_amount, found '" + tierTexts[t] + "'");
            }
            tiers.add(new MarginTier(FixedPoint.parseOrThrow(what + " floor", parts[0]),
                parts[1].equals(NO_CAP) ? Long.MAX_VALUE : FixedPoint.parseOrThrow(what + " cap", parts[1]),
                FixedPoint.parseOrThrow(what + " max leverage", parts[2]),
                FixedPoint.parseOrThrow(what + " maintenance rate", parts[3]),
                FixedPoint.parseOrThrow(what + " maintenance amount", parts[4])));
        }
        final long interval;
        try
        {
            interval = Long.parseLong(fields[8]);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(symbol + " funding interval: '" + fields[8] + "' is not a whole number of nanoseconds", ex);
        }
        return new PerpetualTerms(FixedPoint.parseOrThrow(symbol + " contract size", fields[6]),
            FixedPoint.parseOrThrow(symbol + " max leverage", fields[7]), tiers, interval, fields[9]);
    }

    /**
     * Reads what {@link #encode} wrote.
     *
     * @param source where the text came from (a file, "the journal header"), named in a failure.
     * @throws IllegalArgumentException naming the source and the line when the text is not a catalog.
     */
    public static ProductCatalog decode(final String text, final String source)
    {
        final String[] lines = text.split("\n", -1);
        final boolean v2 = lines.length >= 2 && lines[0].equals(FIRST_LINE_PERPETUAL);
        if (lines.length < 2 || !(lines[0].equals(FIRST_LINE) || v2))
        {
            throw new IllegalArgumentException(source + ": not a Peregrine catalog (its first line should be '" +
                FIRST_LINE + "')");
        }
        final List<Product> products = new ArrayList<>();
        for (int i = 2; i < lines.length; i++)
        {
            final String line = lines[i];
            if (line.isEmpty())
            {
                continue;
            }
            final String[] fields = line.split(" ");
            if (fields.length != SPOT_FIELDS && !(v2 && fields.length == PERPETUAL_FIELDS))
            {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected " +
                    (v2 ? SPOT_FIELDS + " or " + PERPETUAL_FIELDS + " fields (" + COLUMNS + PERPETUAL_COLUMNS :
                        SPOT_FIELDS + " fields (" + COLUMNS) + "), found " + fields.length + ": '" + line + "'");
            }
            try
            {
                final String symbol = fields[0];
                products.add(new Product(symbol,
                    FixedPoint.parseOrThrow(symbol + " price increment", fields[1]),
                    FixedPoint.parseOrThrow(symbol + " size increment", fields[2]),
                    FixedPoint.parseOrThrow(symbol + " reference price", fields[3]),
                    FixedPoint.parseOrThrow(symbol + " minimum notional", fields[4]),
                    fields[5].equals(NO_STATUS) ? "" : fields[5],
                    fields.length == PERPETUAL_FIELDS ? parseTerms(symbol, fields) : null));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + ex.getMessage(), ex);
            }
        }
        try
        {
            return new ProductCatalog(products);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(source + ": " + ex.getMessage(), ex);
        }
    }
}
