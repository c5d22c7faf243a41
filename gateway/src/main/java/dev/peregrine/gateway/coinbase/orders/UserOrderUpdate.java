package dev.peregrine.gateway.coinbase.orders;

/**
 * One entry of the {@code user} channel's {@code orders[]}: the venue's view of an order after a change; also a
 * REST order ({@link #fromRest}). Decimals are kept as the venue's text; the adapter turns them into scaled longs.
 */
public record UserOrderUpdate(
    String orderId,
    String clientOrderId,
    String productId,
    String orderSide,
    String orderType,
    String status,
    String cumulativeQuantity,
    String leavesQuantity,
    String avgPrice,
    String filledValue,
    String totalFees,
    String numberOfFills,
    String cancelReason,
    String rejectReason,
    boolean snapshot)
{
    /** A REST order (Get Order, List Orders): the user channel's order under other names. */
    static UserOrderUpdate fromRest(final com.fasterxml.jackson.databind.JsonNode o)
    {
        return new UserOrderUpdate(CoinbaseJson.text(o, "order_id"), CoinbaseJson.text(o, "client_order_id"),
            CoinbaseJson.text(o, "product_id"), CoinbaseJson.text(o, "side"), CoinbaseJson.text(o, "order_type"),
            CoinbaseJson.text(o, "status"), CoinbaseJson.text(o, "filled_size"), null,
            CoinbaseJson.text(o, "average_filled_price"), CoinbaseJson.text(o, "filled_value"),
            CoinbaseJson.text(o, "total_fees"), CoinbaseJson.text(o, "number_of_fills"), null,
            CoinbaseJson.text(o, "reject_reason"), true);
    }
}
