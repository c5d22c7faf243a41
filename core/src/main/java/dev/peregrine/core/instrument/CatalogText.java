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
 */
public final class CatalogText
{
    /** The first line of every catalog text. */
    public static final String FIRST_LINE = "# peregrine catalog 1";
    private static final String COLUMNS = "symbol price_increment size_increment reference_price min_notional status";
    private static final String NO_STATUS = "-";

    private CatalogText()
    {
    }

    /** The catalog as text, products in its order. */
    public static String encode(final ProductCatalog catalog)
    {
        final StringBuilder text = new StringBuilder(64 + 64 * catalog.products().size());
        text.append(FIRST_LINE).append('\n').append(COLUMNS).append('\n');
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
            text.append(' ').append(product.status().isEmpty() ? NO_STATUS : product.status()).append('\n');
        }
        return text.toString();
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
        if (lines.length < 2 || !lines[0].equals(FIRST_LINE))
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
            if (fields.length != 6)
            {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected 6 fields (" + COLUMNS +
                    "), found " + fields.length + ": '" + line + "'");
            }
            try
            {
                final String symbol = fields[0];
                products.add(new Product(symbol,
                    FixedPoint.parseOrThrow(symbol + " price increment", fields[1]),
                    FixedPoint.parseOrThrow(symbol + " size increment", fields[2]),
                    FixedPoint.parseOrThrow(symbol + " reference price", fields[3]),
                    FixedPoint.parseOrThrow(symbol + " minimum notional", fields[4]),
                    fields[5].equals(NO_STATUS) ? "" : fields[5]));
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
