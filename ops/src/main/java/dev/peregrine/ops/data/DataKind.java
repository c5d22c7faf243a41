package dev.peregrine.ops.data;

import java.util.Locale;

/** What {@code data download --kind} fetches. */
public enum DataKind
{
    /** Every trade (Binance spot archives). */
    TRADES,
    /** Candles of one interval (Binance klines archives, Coinbase's candles endpoint). */
    KLINES,
    /** A perpetual's funding settlements (Binance USD-M fundingRate archives). */
    FUNDING;

    /** The kind named on the command line ({@code candles} is taken for klines); null when none matches. */
    public static DataKind parse(final String text)
    {
        final String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t)
        {
            case "trades" -> TRADES;
            case "klines", "candles" -> KLINES;
            case "funding", "fundingrate" -> FUNDING;
            default -> null;
        };
    }

    public String option()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
