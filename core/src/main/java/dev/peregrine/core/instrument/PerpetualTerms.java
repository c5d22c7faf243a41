package dev.peregrine.core.instrument;

import java.util.List;

/**
 * What makes a product a perpetual future rather than spot: its contract size, leverage, margin brackets, funding
 * interval and the currency margin and funding settle in. A {@link ProductCatalog.Product} carries it (null for
 * spot) and the {@link InstrumentRegistry} hands it to the core per instrument.
 *
 * @param contractSize         base units one contract is worth (FixedPoint; 1.0 for Binance USD-M, where quantities
 *                             are in the base asset, 0.0001 for a contract of 0.0001 BTC).
 * @param maxLeverage          the most leverage the venue allows on the product (FixedPoint, 125x = 125.0).
 * @param tiers                margin brackets by notional, ascending, contiguous from 0; at least one.
 * @param fundingIntervalNanos how often funding is exchanged (8 h on Binance USD-M, 1 h on Coinbase INTX).
 * @param settlementCurrency   the margin and funding currency ({@code USDT}, {@code USDC}); one word.
 */
public record PerpetualTerms(long contractSize, long maxLeverage, List<MarginTier> tiers, long fundingIntervalNanos,
                             String settlementCurrency)
{
    /** Eight hours: Binance USD-M's usual funding interval. */
    public static final long EIGHT_HOURS_NANOS = 8L * 3600 * 1_000_000_000L;

    public PerpetualTerms
    {
        if (contractSize <= 0 || maxLeverage <= 0 || fundingIntervalNanos <= 0)
        {
            throw new IllegalArgumentException("perpetual terms need contract size, max leverage and funding interval > 0");
        }
        if (tiers == null || tiers.isEmpty())
        {
            throw new IllegalArgumentException("perpetual terms need at least one margin tier");
        }
        tiers = List.copyOf(tiers);
        for (int i = 1; i < tiers.size(); i++)
        {
            if (tiers.get(i).notionalFloor() != tiers.get(i - 1).notionalCap())
            {
                throw new IllegalArgumentException("margin tier " + (i + 1) + " starts at " + tiers.get(i).notionalFloor() +
                    ", not where tier " + i + " ends (" + tiers.get(i - 1).notionalCap() + ")");
            }
        }
        if (tiers.get(0).notionalFloor() != 0)
        {
            throw new IllegalArgumentException("the first margin tier must start at notional 0");
        }
        if (settlementCurrency == null || settlementCurrency.isEmpty() || settlementCurrency.indexOf(' ') >= 0 ||
            settlementCurrency.indexOf('\n') >= 0)
        {
            throw new IllegalArgumentException("a settlement currency must be one word, was '" + settlementCurrency + "'");
        }
    }

    /** The bracket {@code notional} (FixedPoint, >= 0) falls in: the last one for anything beyond the table. */
    public MarginTier tierFor(final long notional)
    {
        final List<MarginTier> all = tiers;
        for (int i = 0, n = all.size(); i < n; i++)
        {
            if (all.get(i).holds(notional))
            {
                return all.get(i);
            }
        }
        return all.get(all.size() - 1);
    }
}
