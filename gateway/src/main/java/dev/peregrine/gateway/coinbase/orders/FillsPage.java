package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.RestStatus;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of {@code GET /api/v3/brokerage/orders/historical/fills}: the fills, and the cursor of the next page
 * (empty or absent on the last).
 */
public record FillsPage(RestStatus status, List<CoinbaseFill> fills, String cursor)
{
    static FillsPage parse(final RestStatus status, final JsonNode json)
    {
        final List<CoinbaseFill> fills = new ArrayList<>();
        if (status.outcome() == RequestOutcome.OK && json != null)
        {
            for (final JsonNode fill : CoinbaseJson.array(json, "fills"))
            {
                if (fill.isObject())
                {
                    fills.add(CoinbaseFill.of(fill));
                }
            }
        }
        return new FillsPage(status, List.copyOf(fills), json == null ? null : CoinbaseJson.text(json, "cursor"));
    }

    /** True when a further page follows. */
    public boolean hasNext()
    {
        return cursor != null && !cursor.isEmpty();
    }
}
