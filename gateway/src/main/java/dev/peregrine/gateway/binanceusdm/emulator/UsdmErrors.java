package dev.peregrine.gateway.binanceusdm.emulator;

import dev.peregrine.gateway.binance.emulator.BinanceRejection;

/**
 * The USD-M futures errors the emulator answers, in the venue's {@code {"code","msg"}} shape (the spot emulator's
 * {@link BinanceRejection} carries them): the codes and messages of the futures API's error list.
 */
final class UsdmErrors
{
    private UsdmErrors()
    {
    }

    static BinanceRejection badRequest(final int code, final String msg)
    {
        return BinanceRejection.badRequest(code, msg);
    }

    /** -2019: the order's initial margin exceeds the available balance. */
    static BinanceRejection marginInsufficient()
    {
        return badRequest(-2019, "Margin is insufficient.");
    }

    /** -2022: a reduce-only order that would open or increase a position. */
    static BinanceRejection reduceOnlyRejected()
    {
        return badRequest(-2022, "ReduceOnly Order is rejected.");
    }

    /** -5022: a GTX (post-only) order that would take liquidity. */
    static BinanceRejection postOnlyRejected()
    {
        return badRequest(-5022, "Due to the order could not be executed as maker, the Post Only order will be rejected. " +
            "The order will not be recorded in the order history");
    }

    /** -1121: a symbol the venue does not list. */
    static BinanceRejection invalidSymbol()
    {
        return badRequest(-1121, "Invalid symbol.");
    }

    /** -2013: no such order (query). */
    static BinanceRejection noSuchOrder()
    {
        return badRequest(-2013, "Order does not exist.");
    }

    /** -2011: no such open order (cancel). */
    static BinanceRejection unknownOrder()
    {
        return badRequest(-2011, "Unknown order sent.");
    }

    /** -4028: a leverage outside 1 to the first bracket's maximum. */
    static BinanceRejection invalidLeverage(final String leverage)
    {
        return badRequest(-4028, "Leverage " + leverage + " is not valid");
    }

    /** -4046: the margin type asked for is already the symbol's. */
    static BinanceRejection noNeedToChangeMarginType()
    {
        return badRequest(-4046, "No need to change margin type.");
    }

    /** -4047 / -4048: the margin type cannot change under open orders or a position. */
    static BinanceRejection marginTypeLocked(final boolean position)
    {
        return position ? badRequest(-4048, "Margin type cannot be changed if there exists position.")
            : badRequest(-4047, "Margin type cannot be changed if there exists open orders.");
    }
}
