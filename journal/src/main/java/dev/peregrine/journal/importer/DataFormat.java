package dev.peregrine.journal.importer;

import java.util.ArrayList;
import java.util.List;

/** The historical inputs a backtest reads, by the name {@code --format} takes. */
public enum DataFormat
{
    /** Binance spot trade archive: {@code id,price,qty,quote_qty,time,is_buyer_maker,is_best_match}, no header. */
    BINANCE_TRADES("binance-trades"),
    /** Coinbase candles: CSV {@code time,low,high,open,close,volume} or JSON {@code [[time,low,high,open,close,volume],...]}. */
    COINBASE_CANDLES("coinbase-candles"),
    /** Generic OHLCV CSV with a header {@code timestamp,open,high,low,close,volume} (as {@code peregrine indicators} reads). */
    OHLCV("ohlcv"),
    /** Generic trades CSV with a header {@code timestamp,price,quantity[,side]}. */
    TRADES("trades"),
    /** A Peregrine journal folder: its market data, clocks and feed events (not venue answers or commands). */
    JOURNAL("journal");

    private final String cliName;

    DataFormat(final String cliName)
    {
        this.cliName = cliName;
    }

    public String cliName()
    {
        return cliName;
    }

    /** True for formats whose rows are candles, expanded to ticks by {@link CandleTicks}. */
    public boolean candles()
    {
        return this == COINBASE_CANDLES || this == OHLCV;
    }

    /** The format named {@code name}; an {@link IllegalArgumentException} listing the names otherwise. */
    public static DataFormat parse(final String name)
    {
        for (final DataFormat format : values())
        {
            if (format.cliName.equalsIgnoreCase(name.trim()))
            {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (known: " + String.join(", ", names()) + ")");
    }

    public static List<String> names()
    {
        final List<String> names = new ArrayList<>();
        for (final DataFormat format : values())
        {
            names.add(format.cliName);
        }
        return names;
    }
}
