package dev.peregrine.gateway.coinbase.orders;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One fill of {@code GET /api/v3/brokerage/orders/historical/fills}, with the venue's decimals as text.
 *
 * @param tradeId     the venue's trade id: the fill's id in the engine, so a fill is never counted twice.
 * @param size        the filled size: base currency, unless {@code sizeInQuote}.
 * @param liquidity   {@code MAKER}, {@code TAKER} or {@code UNKNOWN_LIQUIDITY_INDICATOR}.
 * @param sizeInQuote true when {@code size} is in the quote currency (a market buy by quote size).
 */
public record CoinbaseFill(String tradeId, String orderId, String tradeTime, String price, String size,
    String commission, String liquidity, boolean sizeInQuote)
{
    static CoinbaseFill of(final JsonNode json)
    {
        return new CoinbaseFill(CoinbaseJson.text(json, "trade_id"), CoinbaseJson.text(json, "order_id"),
            CoinbaseJson.text(json, "trade_time"), CoinbaseJson.text(json, "price"), CoinbaseJson.text(json, "size"),
            CoinbaseJson.text(json, "commission"), CoinbaseJson.text(json, "liquidity_indicator"),
            CoinbaseJson.bool(json, "size_in_quote"));
    }
}
