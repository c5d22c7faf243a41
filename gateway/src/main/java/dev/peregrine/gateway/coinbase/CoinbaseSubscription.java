package dev.peregrine.gateway.coinbase;

import java.util.ArrayList;
import java.util.List;

/**
 * The subscribe and unsubscribe messages a market-data connection sends: one per channel, as Coinbase
 * requires, {@code {"type":"subscribe","product_ids":[...],"channel":"..."}}.
 */
public final class CoinbaseSubscription
{
    /** The channels of the original quotes-and-trades client, kept for callers that want only those. */
    public static final List<String> CHANNELS = List.of("heartbeats", "ticker", "market_trades");

    private CoinbaseSubscription()
    {
    }

    /** A subscribe message for each of {@link #CHANNELS}. */
    public static List<String> subscribeMessages(final List<String> products)
    {
        return subscribeMessages(products, CHANNELS);
    }

    /** A subscribe message for each channel, in order. */
    public static List<String> subscribeMessages(final List<String> products, final List<String> channels)
    {
        final List<String> messages = new ArrayList<>(channels.size());
        for (final String channel : channels)
        {
            messages.add(message("subscribe", products, channel));
        }
        return List.copyOf(messages);
    }

    /** {@code {"type":<type>,"product_ids":[...],"channel":<channel>}}. */
    public static String message(final String type, final List<String> products, final String channel)
    {
        if (products == null || products.isEmpty())
        {
            throw new IllegalArgumentException("at least one product is required to subscribe");
        }
        final StringBuilder ids = new StringBuilder();
        for (final String product : products)
        {
            if (!product.matches("[A-Za-z0-9-]+"))
            {
                throw new IllegalArgumentException("product id '" + product + "' is not a Coinbase product id (A-Z, 0-9, '-')");
            }
            ids.append(ids.length() == 0 ? "" : ",").append('"').append(product).append('"');
        }
        return "{\"type\":\"" + type + "\",\"product_ids\":[" + ids + "],\"channel\":\"" + channel + "\"}";
    }
}
