package dev.peregrine.gateway.binance.orders;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of a user data stream {@code executionReport} the adapter reads: one per change of an order (new,
 * trade, canceled, rejected, expired). Decimals are kept as Binance's text.
 *
 * @param clientOrderId         {@code c}: the order's client id, or for a cancel the cancel request's own id.
 * @param originalClientOrderId {@code C}: the cancelled order's client id; empty unless cancelled.
 * @param executionType         {@code x}: NEW, CANCELED, REPLACED, REJECTED, TRADE, EXPIRED, TRADE_PREVENTION.
 * @param status                {@code X}: NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED, EXPIRED_IN_MATCH.
 * @param venueOrderId          {@code i}.
 * @param lastQuantity          {@code l}: this trade's quantity.
 * @param cumulativeQuantity    {@code z}.
 * @param lastPrice             {@code L}.
 * @param commission            {@code n}, in {@code commissionAsset} ({@code N}; null without a trade).
 * @param tradeId               {@code t}; -1 without a trade.
 * @param maker                 {@code m}.
 */
public record ExecutionReport(String symbol, String clientOrderId, String originalClientOrderId, String side,
    String orderType, String executionType, String status, String rejectReason, long venueOrderId, String lastQuantity,
    String cumulativeQuantity, String lastPrice, String commission, String commissionAsset, long tradeId, boolean maker)
{
    /** The report in {@code event} (the event itself, or inside a WebSocket API subscription's envelope); null if none. */
    public static ExecutionReport of(final JsonNode message)
    {
        final JsonNode event = message.has("event") && message.get("event").isObject() ? message.get("event") : message;
        if (!"executionReport".equals(BinanceAnswer.text(event, "e")))
        {
            return null;
        }
        return new ExecutionReport(BinanceAnswer.text(event, "s"), BinanceAnswer.text(event, "c"),
            BinanceAnswer.text(event, "C"), BinanceAnswer.text(event, "S"), BinanceAnswer.text(event, "o"),
            BinanceAnswer.text(event, "x"), BinanceAnswer.text(event, "X"), BinanceAnswer.text(event, "r"),
            event.path("i").asLong(-1), BinanceAnswer.text(event, "l"), BinanceAnswer.text(event, "z"),
            BinanceAnswer.text(event, "L"), BinanceAnswer.text(event, "n"), BinanceAnswer.text(event, "N"),
            event.path("t").asLong(-1), event.path("m").asBoolean(false));
    }

    /** The client id of the order this report is about: a cancel names it in {@code C}. */
    public String orderClientId()
    {
        return originalClientOrderId != null && !originalClientOrderId.isEmpty() ? originalClientOrderId : clientOrderId;
    }

    public boolean isTrade()
    {
        return "TRADE".equals(executionType) && tradeId >= 0;
    }

    /** The order is gone with whatever filled: cancelled, expired (IOC/FOK remainder, STP) or rejected. */
    public boolean isEnded()
    {
        return "CANCELED".equals(status) || "EXPIRED".equals(status) || "EXPIRED_IN_MATCH".equals(status) ||
            "REJECTED".equals(status);
    }
}
