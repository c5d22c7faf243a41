package dev.peregrine.journal.importer;

import dev.peregrine.core.instrument.ProductCatalog;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The product a data file is about, from its name: exchanges name their downloads after the symbol
 * ({@code BTCUSDT-trades-2024-08-08.zip} on Binance, {@code BTC-USD} in Coinbase exports). The longest
 * catalog symbol found in the upper-cased file name wins (so {@code BTC-USDT} files are not taken for
 * {@code BTC-USD}... unless only that one is known), the earliest on a tie.
 */
public final class ProductNames
{
    private ProductNames()
    {
    }

    /** The symbol of {@code catalog} named in the file name, or null. */
    public static String fromFileName(final ProductCatalog catalog, final Path path)
    {
        final String name = path.getFileName().toString().toUpperCase(Locale.ROOT);
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        for (final String symbol : catalog.symbols())
        {
            final int at = indexOfToken(name, symbol);
            if (at >= 0 && (best == null || symbol.length() > best.length() || (symbol.length() == best.length() && at < bestAt)))
            {
                best = symbol;
                bestAt = at;
            }
        }
        return best;
    }

    /** Where {@code symbol} occurs not glued to other letters or digits (BTCUSDT is not in XBTCUSDTX). */
    private static int indexOfToken(final String name, final String symbol)
    {
        int from = 0;
        while (true)
        {
            final int at = name.indexOf(symbol, from);
            if (at < 0)
            {
                return -1;
            }
            final int end = at + symbol.length();
            final boolean startOk = at == 0 || !Character.isLetterOrDigit(name.charAt(at - 1));
            final boolean endOk = end == name.length() || !Character.isLetterOrDigit(name.charAt(end));
            if (startOk && endOk)
            {
                return at;
            }
            from = at + 1;
        }
    }
}
