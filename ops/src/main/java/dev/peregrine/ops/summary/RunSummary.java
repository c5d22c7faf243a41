package dev.peregrine.ops.summary;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.peregrine.gateway.venue.MarketDataFeed;
import dev.peregrine.gateway.venue.ReplayCapture;
import dev.peregrine.core.book.BookSide;
import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.strategy.StrategyRunner;
import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.logging.JsonOutput;
import dev.peregrine.ops.report.PnlTables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable summary of a demo run ({@code --summary-json}). Read after the ring has drained,
 * so the core's state and the journal agree.
 *
 * <ul>
 *   <li>Per product, from the run's journal ({@link ProductCounts}): {@code trades} (live TRADE events),
 *   {@code snapshot_trades} (the history the venue sent on subscribe, flagged), and from the feed
 *   {@code duplicate_trades_dropped} (trade ids the venue sent again, never journaled);
 *   {@code ticker_updates} (QUOTE), {@code l2_updates} (BOOK_LEVEL: one per level entry), {@code candles},
 *   {@code feed_gaps} (FEED_GAP events); and from the core's {@code MarketState}: the final {@code book}
 *   (state, best bid and ask with quantities, levels per side).</li>
 *   <li>Per connection, from its {@link GatewayMetrics}: frames by channel, {@code heartbeats},
 *   {@code sequence_gaps} and dropped frames and entries by reason. Heartbeats and sequence numbers belong
 *   to a connection, not a product (Coinbase shares one {@code sequence_num} across every channel of a
 *   connection), so each product also repeats the figures of the one connection that carries it.</li>
 * </ul>
 */
public final class RunSummary
{
    private RunSummary()
    {
    }

    public static String toJson(final LiveEngine engine, final ReplayCapture replay, final long framesReplayed)
    {
        final List<String> products = engine.settings().products();
        final ProductCounts counts = ProductCounts.fromJournal(engine.journal().dir(), engine.recoveredEvents(), products.size());
        final MarketDataFeed feed = engine.feed();
        final CoreMetrics core = engine.coreMetrics();
        final long heartbeats = feed.heartbeats();

        final ObjectNode json = JsonOutput.object();
        json.put("source", replay != null ? "replay" : "simulated");
        if (replay != null)
        {
            json.put("capture", replay.file().toString());
            json.put("format", replay.format().name());
            json.put("speed", replay.speedLabel());
            json.put("frames_replayed", framesReplayed);
        }
        json.put("journal", engine.journal().dir().toString());
        json.put("journal_events", engine.journal().eventsWritten());
        json.put("output_digest", engine.results().outputDigestHex());
        json.put("state_hash", engine.results().stateHashHex());

        json.putObject("engine")
            .put("events", core.events.get())
            .put("trades", core.trades.get())
            .put("snapshot_trades", core.snapshotTrades.get())
            .put("quotes", core.quotes.get())
            .put("book_levels", core.bookLevels.get())
            .put("candles", core.candles.get())
            .put("feed_gaps", core.feedGaps.get())
            .put("orders", core.orders.get())
            .put("fills", core.fills.get())
            .put("decisions_journaled", engine.journal().decisionsJournaled());

        final ArrayNode strategies = json.putArray("strategies");
        for (int i = 0; i < engine.core().strategies().count(); i++)
        {
            final StrategyRunner runner = engine.core().strategies().get(i);
            strategies.addObject().put("id", runner.strategyId()).put("name", runner.name()).put("enabled", runner.enabled());
        }
        PnlTables.json(json, engine.results().finalPnlTable());
        PerpetualSummary.json(json, engine);

        final ObjectNode connection = json.putArray("connections").addObject();
        fields(connection, feed.summary());
        final ArrayNode connectionProducts = connection.putArray("products");
        products.forEach(connectionProducts::add);

        final ObjectNode byProduct = json.putObject("products");
        for (int id = 0; id < products.size(); id++)
        {
            final String symbol = products.get(id);
            final int instrument = engine.core().instruments().idOf(symbol);
            final ObjectNode product = byProduct.putObject(symbol)
                .put("trades", counts.count(instrument, EventType.TRADE))
                .put("snapshot_trades", counts.snapshotTrades(instrument))
                .put("duplicate_trades_dropped", feed.duplicateTrades(instrument))
                .put("ticker_updates", counts.count(instrument, EventType.QUOTE))
                .put("l2_updates", counts.count(instrument, EventType.BOOK_LEVEL))
                .put("candles", counts.count(instrument, EventType.CANDLE))
                .put("feed_gaps", counts.count(instrument, EventType.FEED_GAP))
                .put("heartbeats", heartbeats)
                .put("sequence_gaps", feed.sequenceGaps());
            book(product.putObject("book"), engine.core().market().book(instrument));
        }
        return JsonOutput.prettyDecimals(json);
    }

    private static void book(final ObjectNode json, final OrderBook book)
    {
        final BookSide bids = book.bids();
        final BookSide asks = book.asks();
        json.put("state", state(book.state()))
            .put("best_bid", bids.isEmpty() ? null : FixedPoint.toString(bids.bestPrice()))
            .put("best_bid_quantity", bids.isEmpty() ? null : FixedPoint.toString(bids.bestQuantity()))
            .put("best_ask", asks.isEmpty() ? null : FixedPoint.toString(asks.bestPrice()))
            .put("best_ask_quantity", asks.isEmpty() ? null : FixedPoint.toString(asks.bestQuantity()))
            .put("bid_levels", bids.depth())
            .put("ask_levels", asks.depth());
    }

    private static String state(final int state)
    {
        switch (state)
        {
            case OrderBook.NOT_USED: return "not_used";
            case OrderBook.SYNCING: return "syncing";
            case OrderBook.SYNCED: return "synced";
            default: return "unknown(" + state + ")";
        }
    }

    /** Writes the summary, replacing the file atomically where the file system allows. */
    public static void write(final Path file, final String json) throws IOException
    {
        final Path absolute = file.toAbsolutePath();
        final Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.writeString(temp, json, StandardCharsets.UTF_8);
        try
        {
            Files.move(temp, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final java.nio.file.AtomicMoveNotSupportedException ex)
        {
            Files.move(temp, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A feed's {@link MarketDataFeed#summary()} into {@code json}: strings, whole numbers and nested maps. */
    private static void fields(final ObjectNode json, final Map<String, Object> fields)
    {
        for (final Map.Entry<String, Object> field : fields.entrySet())
        {
            final Object value = field.getValue();
            if (value instanceof Map<?, ?> nested)
            {
                @SuppressWarnings("unchecked")
                final Map<String, Object> inner = (Map<String, Object>)nested;
                fields(json.putObject(field.getKey()), inner);
            }
            else if (value instanceof Number number)
            {
                json.put(field.getKey(), number.longValue());
            }
            else
            {
                json.put(field.getKey(), String.valueOf(value));
            }
        }
    }
}
