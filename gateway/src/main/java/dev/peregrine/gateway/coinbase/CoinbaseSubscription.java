package dev.peregrine.gateway.coinbase;

import java.util.ArrayList;
import java.util.List;

/**
 * The subscribe messages a market-data connection sends: one per channel, as Coinbase requires, with
 * {@code heartbeats} first so the server keeps quiet channels open.
 */
public final class CoinbaseSubscription
{
    /** Channels the gateway subscribes to, in the order it sends them. */
    public static final List<String> CHANNELS = List.of("heartbeats", "ticker", "market_trades");

    private CoinbaseSubscription()
    {
    }

    /** {@code {"type":"subscribe","product_ids":[...],"channel":"..."}} for each of {@link #CHANNELS}. */
    public static List<String> subscribeMessages(final List<String> products)
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
        final List<String> messages = new ArrayList<>(CHANNELS.size());
        for (final String channel : CHANNELS)
        {
            messages.add("{\"type\":\"subscribe\",\"product_ids\":[" + ids + "],\"channel\":\"" + channel + "\"}");
        }
        return List.copyOf(messages);
    }
}
