package dev.peregrine.gateway.binance.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user data stream's events as the venue sends them on a listen key's stream (bare, without the WebSocket
 * API's {@code subscriptionId} wrapper): {@code executionReport} with every field the venue always sends, plus
 * {@code W} while the order works on the book and {@code eR} once it expired; {@code outboundAccountPosition};
 * {@code listenKeyExpired}.
 */
final class UserStreamEvents
{
    private UserStreamEvents()
    {
    }

    /**
     * @param execution           NEW, TRADE, CANCELED, EXPIRED.
     * @param trade               the fill a TRADE reports, else null.
     * @param cancelClientOrderId the cancel's own client id for a CANCELED, else null.
     */
    static String executionReport(final SpotOrder order, final String execution, final SpotTrade trade,
        final String cancelClientOrderId, final long now)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("e", "executionReport");
        m.put("E", now);
        m.put("s", order.rules.symbol());
        m.put("c", cancelClientOrderId == null ? order.clientOrderId : cancelClientOrderId);
        m.put("S", order.side);
        m.put("o", order.type);
        m.put("f", order.shownTimeInForce());
        m.put("q", EmulatorJson.amount(order.origQty));
        m.put("p", EmulatorJson.amount(order.price));
        m.put("P", EmulatorJson.amount(null));
        m.put("F", EmulatorJson.amount(null));
        m.put("g", -1);
        m.put("C", cancelClientOrderId == null ? "" : order.clientOrderId);
        m.put("x", execution);
        m.put("X", order.status);
        m.put("r", "NONE");
        m.put("i", order.orderId);
        m.put("l", EmulatorJson.amount(trade == null ? null : trade.qty()));
        m.put("z", EmulatorJson.amount(order.executedQty));
        m.put("L", EmulatorJson.amount(trade == null ? null : trade.price()));
        m.put("n", trade == null ? "0" : EmulatorJson.amount(trade.commission()));
        m.put("N", trade == null ? null : trade.commissionAsset());
        m.put("T", trade == null ? order.updateTime : trade.time());
        m.put("t", trade == null ? -1 : trade.id());
        m.put("I", order.orderId * 1_000 + order.executions++);
        m.put("w", order.open() && order.booked);
        m.put("m", trade != null && trade.maker());
        m.put("M", false);
        m.put("O", order.time);
        m.put("Z", EmulatorJson.amount(order.cummulativeQuoteQty));
        m.put("Y", EmulatorJson.amount(trade == null ? null : trade.quoteQty()));
        m.put("Q", EmulatorJson.amount(order.origQuoteOrderQty));
        if (order.booked)
        {
            m.put("W", order.time);
        }
        m.put("V", "NONE");
        if (order.strategyId != null)
        {
            m.put("j", order.strategyId);
        }
        if (order.strategyType != null)
        {
            m.put("J", order.strategyType);
        }
        if (order.expiryReason != null)
        {
            m.put("eR", order.expiryReason);
        }
        return EmulatorJson.write(m);
    }

    static String accountPosition(final long now, final long updateTime, final List<Map<String, Object>> balances)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("e", "outboundAccountPosition");
        m.put("E", now);
        m.put("u", updateTime);
        m.put("B", balances);
        return EmulatorJson.write(m);
    }

    static String listenKeyExpired(final String listenKey, final long now)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("e", "listenKeyExpired");
        m.put("E", now);
        m.put("listenKey", listenKey);
        return EmulatorJson.write(m);
    }
}
