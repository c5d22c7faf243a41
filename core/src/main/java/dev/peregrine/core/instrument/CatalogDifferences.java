package dev.peregrine.core.instrument;

import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.core.number.FixedPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * What differs between two catalogs for the products one run trades, one line per difference in the terms of trading:
 * presence, price and size increments, minimum notional, status and, for perpetual futures, their terms (contract size,
 * maximum leverage, funding interval, settlement currency, margin brackets). The reference price is left out on purpose: a
 * loaded catalog takes it from the venue's price at load time, so it moves between any two starts without the venue
 * having changed anything.
 */
public final class CatalogDifferences
{
    private CatalogDifferences()
    {
    }

    /**
     * @param was      the catalog a journal recorded.
     * @param now      the catalog in hand (the venue's today, or the built-in lists).
     * @param products the symbols to compare, in order.
     * @return one line per difference ({@code BTC-USD price increment 0.01 -> 0.1}); empty when they agree.
     */
    public static List<String> between(final ProductCatalog was, final ProductCatalog now, final List<String> products)
    {
        final List<String> lines = new ArrayList<>();
        for (final String symbol : products)
        {
            final Product before = was.find(symbol);
            final Product after = now.find(symbol);
            if (before == null || after == null)
            {
                if (before != after)
                {
                    lines.add(symbol + (before == null ? " was not listed, is now" : " was listed, is no longer"));
                }
                continue;
            }
            amount(lines, symbol, "price increment", before.priceIncrement(), after.priceIncrement());
            amount(lines, symbol, "size increment", before.sizeIncrement(), after.sizeIncrement());
            amount(lines, symbol, "minimum notional", before.minNotional(), after.minNotional());
            if (!before.status().equals(after.status()))
            {
                lines.add(symbol + " status " + word(before.status()) + " -> " + word(after.status()));
            }
            perpetual(lines, symbol, before.perpetual(), after.perpetual());
        }
        return lines;
    }

    private static void perpetual(final List<String> lines, final String symbol, final PerpetualTerms before,
        final PerpetualTerms after)
    {
        if (before == null || after == null)
        {
            if (before != after)
            {
                lines.add(symbol + (before == null ? " was spot, is a perpetual" : " was a perpetual, is spot"));
            }
            return;
        }
        amount(lines, symbol, "contract size", before.contractSize(), after.contractSize());
        amount(lines, symbol, "maximum leverage", before.maxLeverage(), after.maxLeverage());
        if (before.fundingIntervalNanos() != after.fundingIntervalNanos())
        {
            lines.add(symbol + " funding interval " + before.fundingIntervalNanos() / 1_000_000_000L + " s -> " +
                after.fundingIntervalNanos() / 1_000_000_000L + " s");
        }
        if (!before.settlementCurrency().equals(after.settlementCurrency()))
        {
            lines.add(symbol + " settlement currency " + before.settlementCurrency() + " -> " + after.settlementCurrency());
        }
        if (!before.tiers().equals(after.tiers()))
        {
            lines.add(symbol + " margin brackets changed (" + before.tiers().size() + " -> " + after.tiers().size() + ")");
        }
    }

    private static void amount(final List<String> lines, final String symbol, final String field, final long before,
        final long after)
    {
        if (before != after)
        {
            lines.add(symbol + " " + field + " " + FixedPoint.toString(before) + " -> " + FixedPoint.toString(after));
        }
    }

    private static String word(final String status)
    {
        return status.isEmpty() ? "(none)" : status;
    }
}
