package dev.peregrine.gateway.sim.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * Reads the trades and book tickers of a recorded capture into the exchange's {@link BinanceMarketListener}, so a
 * replay feeds the REST market endpoints, the derived streams and the trading API as a generated market does. A
 * frame of another stream, or one that does not parse, tells nothing (the replay still sends it as recorded).
 */
final class RecordedFrames
{
    private RecordedFrames()
    {
    }

    static void tell(final BinanceMarketListener listener, final BinanceCapture.Frame frame)
    {
        final boolean trade = frame.stream().endsWith("@trade");
        if (!trade && !frame.stream().endsWith("@bookTicker"))
        {
            return;
        }
        final JsonNode data;
        try
        {
            data = BinanceAnswers.JSON.readTree(frame.text()).path("data");
        }
        catch (final JsonProcessingException ex)
        {
            return;
        }
        final String symbol = data.path("s").asText();
        if (trade)
        {
            listener.onTrade(symbol, new BinanceMarketTape.Trade(data.path("t").asLong(), decimal(data, "p"),
                decimal(data, "q"), data.path("T").asLong(), data.path("m").asBoolean()));
        }
        else
        {
            listener.onBook(symbol, data.path("u").asLong(), decimal(data, "b"), decimal(data, "B"), decimal(data, "a"),
                decimal(data, "A"));
        }
    }

    private static BigDecimal decimal(final JsonNode data, final String field)
    {
        return new BigDecimal(data.path(field).asText("0"));
    }
}
