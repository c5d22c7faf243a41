package dev.peregrine.gateway.sim;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the text of Coinbase Advanced Trade market-data messages, field for field and in the key order
 * of the real capture. Simulator code, not the hot path: it builds strings freely.
 */
final class CoinbaseMessageWriter
{
    private CoinbaseMessageWriter()
    {
    }

    /** {@code {"channel":..,"timestamp":..,"sequence_num":..,"events":[<events>]}}. */
    static String envelope(final String channel, final long timestampNanos, final long sequence, final CharSequence events)
    {
        final StringBuilder sb = new StringBuilder(256 + events.length());
        sb.append("{\"channel\":\"").append(channel).append("\",\"timestamp\":\"");
        GoTimeFormat.appendRfc3339Nano(sb, timestampNanos);
        sb.append("\",\"sequence_num\":").append(sequence).append(",\"events\":[").append(events).append("]}");
        return sb.toString();
    }

    /** One {@code ticker} event holding one ticker of {@code product}. */
    static String tickerEvent(final String type, final SimulatedProduct product)
    {
        final StringBuilder sb = new StringBuilder(512);
        sb.append("{\"type\":\"").append(type).append("\",\"tickers\":[{\"type\":\"ticker\",\"product_id\":\"")
            .append(product.symbol()).append('"');
        decimal(sb, "price", product.last());
        decimal(sb, "volume_24_h", product.volume());
        decimal(sb, "low_24_h", product.low());
        decimal(sb, "high_24_h", product.high());
        decimal(sb, "low_52_w", Math.min(product.low(), product.referencePrice() / 10 * 7));
        decimal(sb, "high_52_w", Math.max(product.high(), product.referencePrice() / 2 * 3));
        final double change = 100.0 * (product.last() - product.referencePrice()) / product.referencePrice();
        sb.append(",\"price_percent_chg_24_h\":\"").append(trimZeros(String.format(Locale.ROOT, "%.14f", change))).append('"');
        decimal(sb, "best_bid", product.bid());
        decimal(sb, "best_ask", product.ask());
        decimal(sb, "best_bid_quantity", product.bidQuantity());
        decimal(sb, "best_ask_quantity", product.askQuantity());
        sb.append("}]}");
        return sb.toString();
    }

    /** A {@code market_trades} event with the newest {@code count} trades of {@code product}, newest first. */
    static String tradesEvent(final String type, final SimulatedProduct product, final int count)
    {
        final StringBuilder sb = new StringBuilder(64 + count * 180);
        sb.append("{\"type\":\"").append(type).append("\",\"trades\":[");
        for (int age = 0; age < count; age++)
        {
            final int i = product.newest(age);
            sb.append(age == 0 ? "" : ",").append("{\"product_id\":\"").append(product.symbol())
                .append("\",\"trade_id\":\"").append(product.tradeId(i)).append('"');
            decimal(sb, "price", product.price(i));
            decimal(sb, "size", product.size(i));
            sb.append(",\"time\":\"");
            GoTimeFormat.appendRfc3339Micros(sb, product.time(i));
            sb.append("\",\"side\":\"").append(Side.name(product.side(i))).append("\"}");
        }
        sb.append("]}");
        return sb.toString();
    }

    /**
     * A {@code level2} event (sent on channel {@code l2_data}): {@code updates} of
     * {@code {side, event_time, price_level, new_quantity}}, bids first, then offers, as the capture
     * shows them. A snapshot lists the whole book best first; an update lists the changed levels.
     */
    static String level2Event(final String type, final String productId, final Map<Long, Long> bids,
        final Map<Long, Long> offers, final long eventTimeNanos)
    {
        final StringBuilder sb = new StringBuilder(128 + (bids.size() + offers.size()) * 110);
        sb.append("{\"type\":\"").append(type).append("\",\"product_id\":\"").append(productId).append("\",\"updates\":[");
        final StringBuilder time = new StringBuilder(32);
        GoTimeFormat.appendRfc3339Micros(time, eventTimeNanos);
        boolean first = true;
        for (final Map<Long, Long> side : List.of(bids, offers))
        {
            final String name = side == bids ? "bid" : "offer";
            for (final Map.Entry<Long, Long> level : side.entrySet())
            {
                sb.append(first ? "" : ",").append("{\"side\":\"").append(name).append("\",\"event_time\":\"")
                    .append(time).append("\",\"price_level\":\"");
                FixedPoint.appendTo(sb, level.getKey());
                sb.append("\",\"new_quantity\":\"");
                FixedPoint.appendTo(sb, level.getValue());
                sb.append("\"}");
                first = false;
            }
        }
        sb.append("]}");
        return sb.toString();
    }

    /** The {@code heartbeats} event. */
    static String heartbeatEvent(final long nowNanos, final long monotonicNanos, final long counter)
    {
        final StringBuilder sb = new StringBuilder(128);
        sb.append("{\"current_time\":\"");
        GoTimeFormat.appendGoString(sb, nowNanos, monotonicNanos);
        sb.append("\",\"heartbeat_counter\":").append(counter).append('}');
        return sb.toString();
    }

    /** The {@code subscriptions} event listing every channel the session is subscribed to. */
    static String subscriptionsEvent(final Map<String, ? extends Iterable<String>> subscriptions)
    {
        final StringBuilder sb = new StringBuilder(256);
        sb.append("{\"subscriptions\":{");
        boolean firstChannel = true;
        for (final Map.Entry<String, ? extends Iterable<String>> entry : subscriptions.entrySet())
        {
            sb.append(firstChannel ? "" : ",").append('"').append(entry.getKey()).append("\":[");
            firstChannel = false;
            boolean firstProduct = true;
            for (final String product : entry.getValue())
            {
                sb.append(firstProduct ? "" : ",").append('"').append(product).append('"');
                firstProduct = false;
            }
            sb.append(']');
        }
        sb.append("}}");
        return sb.toString();
    }

    /** Coinbase's answer to a subscribe it cannot serve. */
    static String error(final String message)
    {
        return "{\"type\":\"error\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    static String joinEvents(final List<String> events)
    {
        return String.join(",", events);
    }

    private static void decimal(final StringBuilder sb, final String key, final long scaled)
    {
        sb.append(",\"").append(key).append("\":\"");
        FixedPoint.appendTo(sb, scaled);
        sb.append('"');
    }

    private static String trimZeros(final String decimal)
    {
        if (decimal.indexOf('.') < 0)
        {
            return decimal;
        }
        int end = decimal.length();
        while (decimal.charAt(end - 1) == '0')
        {
            end--;
        }
        if (decimal.charAt(end - 1) == '.')
        {
            end--;
        }
        return decimal.substring(0, end);
    }
}
