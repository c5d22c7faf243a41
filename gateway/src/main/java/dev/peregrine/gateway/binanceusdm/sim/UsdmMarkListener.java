package dev.peregrine.gateway.binanceusdm.sim;

/**
 * What the simulated USD-M market tells the trading side (the emulator in {@code binanceusdm/emulator}) beyond trades
 * and books: each new mark price (for margin and liquidation checks) and each funding settled (to apply it to
 * positions). A trading API plugged into {@link UsdmSimulatedExchange} that implements this hears of both, on the
 * exchange's event loop.
 */
public interface UsdmMarkListener
{
    /** The mark price of {@code symbol} moved (FixedPoint), at {@code epochMillis}. */
    void onMark(String symbol, long markPrice, long epochMillis);

    /** Funding of {@code row.symbol()} was settled at {@code row.fundingTimeMillis()}. */
    void onFunding(FundingRow row);
}
