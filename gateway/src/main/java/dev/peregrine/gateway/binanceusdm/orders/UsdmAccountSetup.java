package dev.peregrine.gateway.binanceusdm.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.binance.orders.BinanceAnswer;
import dev.peregrine.gateway.binance.orders.BinanceOrderClient;
import dev.peregrine.gateway.orders.RequestOutcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The start of a USD-M live session, before the adapter sends anything: the account's leverage and margin type set
 * per symbol from the settings, then what the venue holds read back for reconciliation: open orders
 * ({@code GET /fapi/v1/openOrders}), where one of this journal's client ids that the core does not hold open is an
 * orphan and is cancelled, and positions ({@code GET /fapi/v2/positionRisk}), kept for the operator's view. The
 * orders the core does hold open are settled by the adapter's own query by client id ({@code order}, then
 * {@code userTrades}). Blocking calls, on the starting thread.
 */
final class UsdmAccountSetup
{
    private final BinanceOrderClient client;
    private final Map<String, String> positions = new LinkedHashMap<>();
    private int orphansCancelled;

    UsdmAccountSetup(final BinanceOrderClient client)
    {
        this.client = client;
    }

    /**
     * Sets leverage and margin type of each symbol. A margin type already set is fine (-4046); one that cannot change
     * under a position or open orders is left as it is.
     *
     * @throws IllegalStateException naming the symbol and the venue's answer when leverage cannot be set.
     */
    void configure(final List<String> symbols, final UsdmAccountSettings settings)
    {
        for (final String symbol : symbols)
        {
            final BinanceAnswer leverage = client.signedCall("POST", UsdmRest.LEVERAGE,
                "symbol=" + symbol + "&leverage=" + settings.leverageOf(symbol), false).join();
            if (leverage.status().outcome() != RequestOutcome.OK)
            {
                throw new IllegalStateException("Binance USD-M refused leverage " + settings.leverageOf(symbol) + " on " +
                    symbol + " at " + client.baseUri() + UsdmRest.LEVERAGE + ": " + leverage.status().message());
            }
            final BinanceAnswer margin = client.signedCall("POST", UsdmRest.MARGIN_TYPE,
                "symbol=" + symbol + "&marginType=" + settings.marginTypeOf(symbol), false).join();
            if (margin.status().outcome() != RequestOutcome.OK && margin.code() != UsdmRest.NO_NEED_TO_CHANGE_MARGIN_TYPE &&
                margin.status().outcome() != RequestOutcome.REJECTED)
            {
                throw new IllegalStateException("Binance USD-M did not set margin type " + settings.marginTypeOf(symbol) + " on " +
                    symbol + " at " + client.baseUri() + UsdmRest.MARGIN_TYPE + ": " + margin.status().message());
            }
        }
    }

    /**
     * Cancels open orders carrying this journal's {@code prefix} that are not among {@code heldOpen} (client ids the
     * core recovered open), then reads the positions.
     */
    void reconcile(final String prefix, final Set<String> heldOpen)
    {
        final BinanceAnswer open = client.signedCall("GET", UsdmRest.OPEN_ORDERS, "", true).join();
        if (open.status().outcome() == RequestOutcome.OK && open.json().isArray())
        {
            for (final JsonNode order : open.json())
            {
                final String clientOrderId = order.path("clientOrderId").asText("");
                if (clientOrderId.startsWith(prefix) && !heldOpen.contains(clientOrderId))
                {
                    final BinanceAnswer cancelled = client.cancel(order.path("symbol").asText(), clientOrderId).join();
                    if (cancelled.status().outcome() == RequestOutcome.OK)
                    {
                        orphansCancelled++;
                    }
                }
            }
        }
        final BinanceAnswer risk = client.signedCall("GET", UsdmRest.POSITION_RISK, "", true).join();
        if (risk.status().outcome() == RequestOutcome.OK && risk.json().isArray())
        {
            for (final JsonNode row : risk.json())
            {
                positions.put(row.path("symbol").asText(), row.path("positionAmt").asText("0"));
            }
        }
    }

    /** The venue's position of each symbol at start ({@code positionAmt}, + long), as text. */
    Map<String, String> positions()
    {
        return Map.copyOf(positions);
    }

    int orphansCancelled()
    {
        return orphansCancelled;
    }
}
