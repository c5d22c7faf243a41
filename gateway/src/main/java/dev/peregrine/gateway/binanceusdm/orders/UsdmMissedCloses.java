package dev.peregrine.gateway.binanceusdm.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.binance.orders.BinanceAnswer;
import dev.peregrine.gateway.binance.orders.BinanceOrderClient;
import dev.peregrine.gateway.orders.RequestOutcome;

import java.util.List;

/**
 * At a restart, what the venue did to our positions while the engine was down: its liquidation and ADL orders since
 * the journal's last input ({@code GET /fapi/v1/forceOrders?startTime=}), each fill of them read with its commission
 * from {@code GET /fapi/v1/userTrades?orderId=} and reported as the stream would have (a journaled LIQUIDATION of our
 * own position, through {@link UsdmLiquidationReports}, which publishes a trade id once). Funding paid while down is
 * read by {@link UsdmFundingReports} from the same time on. Runs once, on the starting thread, before the user
 * stream's first report; an answer the venue refuses is one line on stderr and the engine starts with what it has,
 * since the positions check will show any difference.
 */
final class UsdmMissedCloses
{
    private final BinanceOrderClient client;
    private final UsdmLiquidationReports liquidations;

    UsdmMissedCloses(final BinanceOrderClient client, final UsdmLiquidationReports liquidations)
    {
        this.client = client;
        this.liquidations = liquidations;
    }

    /** Reads and reports the closing fills of {@code symbols} after {@code sinceMillis}; returns the fills reported. */
    int read(final List<String> symbols, final long sinceMillis)
    {
        int reported = 0;
        for (final String symbol : symbols)
        {
            final BinanceAnswer orders = client.signedCall("GET", UsdmRest.FORCE_ORDERS,
                "symbol=" + symbol + "&startTime=" + (sinceMillis + 1) + "&limit=100", true).join();
            if (orders.status().outcome() != RequestOutcome.OK || !orders.json().isArray())
            {
                System.err.println("peregrine: Binance USD-M forceOrders for " + symbol + " answered " + orders.status() +
                    ": liquidations while the engine was down are not applied");
                continue;
            }
            for (final JsonNode order : orders.json())
            {
                reported += readFills(symbol, order.path("orderId").asLong(-1), order.path("side").asText(""));
            }
        }
        return reported;
    }

    private int readFills(final String symbol, final long orderId, final String side)
    {
        if (orderId < 0)
        {
            return 0;
        }
        final BinanceAnswer trades = client.signedCall("GET", UsdmRest.PATHS.trades(),
            "symbol=" + symbol + "&orderId=" + orderId, true).join();
        if (trades.status().outcome() != RequestOutcome.OK || !trades.json().isArray())
        {
            System.err.println("peregrine: Binance USD-M userTrades of liquidation order " + orderId + " answered " +
                trades.status() + ": not applied");
            return 0;
        }
        int reported = 0;
        for (final JsonNode trade : trades.json())
        {
            liquidations.onVenueCloseFill(symbol, trade.path("side").asText(side), trade.path("qty").asText(""),
                trade.path("price").asText(""), trade.path("commission").asText(""), trade.path("id").asLong(-1),
                trade.path("time").asLong());
            reported++;
        }
        return reported;
    }
}
