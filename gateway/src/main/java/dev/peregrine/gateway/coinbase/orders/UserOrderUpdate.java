package dev.peregrine.gateway.coinbase.orders;

/**
 * One entry of the {@code user} channel's {@code orders[]}: the venue's view of an order after a change.
 * Decimals are kept as the venue's text; the adapter turns them into scaled longs.
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
}
