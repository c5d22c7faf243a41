package dev.peregrine.gateway.binanceusdm.sim;

/**
 * What the simulated USD-M market tells the trading side (the emulator in {@code binanceusdm/emulator}) beyond trades
 * and books: each mark, with the funding it announces, exactly as the {@code markPrice} stream carries them, so the
 * emulator settles funding and checks margin as a client of the stream would. Called on the exchange's event loop,
 * once a second per contract, after any funding that came due was settled in the market's history.
 */
@FunctionalInterface
public interface UsdmMarkListener
{
    /**
     * @param markPrice             {@code p} (FixedPoint).
     * @param fundingRate           {@code r}, the rate announced for the next funding (FixedPoint, signed).
     * @param nextFundingTimeMillis {@code T}.
     */
    void onMark(String symbol, long markPrice, long fundingRate, long nextFundingTimeMillis);
}
