package dev.peregrine.gateway.coinbase.orders;

/** The Coinbase {@code order_configuration} variants this adapter sends. */
public enum CoinbaseOrderType
{
    /** {@code market_market_ioc{base_size}}. */
    MARKET_IOC,
    /** {@code limit_limit_gtc{base_size, limit_price, post_only}}. */
    LIMIT_GTC,
    /** {@code sor_limit_ioc{base_size, limit_price}}: takes what it can at its price or better, cancels the rest. */
    LIMIT_IOC,
    /** {@code limit_limit_fok{base_size, limit_price}}: fills whole at once at its price or better, or is cancelled. */
    LIMIT_FOK
}
