package dev.peregrine.gateway.binance.orders;

/**
 * Where a Binance market's signed trading API lives: spot's {@code /api/v3} or USD-M futures' {@code /fapi}. The
 * order path is the same protocol on both (orders by {@code newClientOrderId}, cancel and query by
 * {@code origClientOrderId}, the order's trades, a read-only account call, signed the same way); the futures side adds
 * {@code reduceOnly} and takes post-only as {@code LIMIT} with time in force {@code GTX} instead of spot's
 * {@code LIMIT_MAKER}.
 *
 * @param order           the order endpoint (new, cancel, query).
 * @param trades          the account's trades of one order ({@code myTrades}, {@code userTrades}).
 * @param account         the read-only account call.
 * @param accountQuery    its parameters, empty for none.
 * @param weightPerMinute the venue's {@code REQUEST_WEIGHT} limit per minute.
 * @param futures         true for USD-M: {@code reduceOnly} is sent, post-only is {@code GTX}.
 */
public record BinanceRestPaths(String order, String trades, String account, String accountQuery, int weightPerMinute,
    boolean futures)
{
    /** Binance spot. */
    public static final BinanceRestPaths SPOT = new BinanceRestPaths(BinanceOrderClient.ORDER, BinanceOrderClient.MY_TRADES,
        BinanceOrderClient.ACCOUNT, "omitZeroBalances=true", BinanceOrderClient.WEIGHT_PER_MINUTE, false);
}
