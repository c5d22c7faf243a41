package dev.peregrine.gateway.sim.binance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How Binance writes an amount: a decimal string with eight places ({@code "0.01000000"}), in every answer and stream. */
public final class BinanceAmounts
{
    /** Binance's places for every price, quantity and volume. */
    public static final int DECIMALS = 8;

    private BinanceAmounts()
    {
    }

    /**
     * {@code value} with eight places; a product of two amounts (a quote volume) is rounded half up to them. Null (no
     * price yet) is written as zero, as the venue writes an empty side.
     */
    public static String format(final BigDecimal value)
    {
        return value == null ? "0.00000000" : value.setScale(DECIMALS, RoundingMode.HALF_UP).toPlainString();
    }
}
