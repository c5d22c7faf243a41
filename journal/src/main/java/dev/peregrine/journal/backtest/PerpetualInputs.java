package dev.peregrine.journal.backtest;

import java.nio.file.Path;

/**
 * What a backtest of a perpetual adds to its data file: the mark prices and funding history merged into it, and the
 * margin account it trades on.
 *
 * @param marks      a Binance USD-M {@code markPriceKlines} archive; null for none
 * @param funding    a Binance USD-M {@code fundingRate} archive; null for none
 * @param collateral the margin account's starting balance, FixedPoint settlement currency; 0 for the engine's default
 * @param leverage   the leverage of every perpetual product, FixedPoint; 0 for the engine's default (1x)
 */
public record PerpetualInputs(Path marks, Path funding, long collateral, long leverage)
{
    /** Nothing added: a spot backtest, or a perpetual one on its data alone at the default margin. */
    public static final PerpetualInputs NONE = new PerpetualInputs(null, null, 0, 0);

    /** True when marks or funding are merged into the data. */
    public boolean files()
    {
        return marks != null || funding != null;
    }

    /** True when the margin account differs from the engine's default. */
    public boolean margin()
    {
        return collateral != 0 || leverage != 0;
    }

    /** True when anything is added. */
    public boolean any()
    {
        return files() || margin();
    }
}
