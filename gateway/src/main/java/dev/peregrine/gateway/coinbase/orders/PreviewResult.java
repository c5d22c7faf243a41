package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.gateway.orders.RestStatus;

import java.util.List;

/** The answer to {@code POST /api/v3/brokerage/orders/preview}; decimals are kept as the venue's text. */
public record PreviewResult(
    RestStatus status,
    String orderTotal,
    String commissionTotal,
    List<String> errs,
    List<String> warnings,
    String quoteSize,
    String baseSize,
    String bestBid,
    String bestAsk,
    String slippage,
    String previewId)
{
}
