package dev.peregrine.ops.summary;

import dev.peregrine.gateway.venue.MarketDataFeed;
import dev.peregrine.gateway.venue.ReplayCapture;
import dev.peregrine.core.book.BookSide;
import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.demo.JsonWriter;
import dev.peregrine.gateway.venue.ReplayCapture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        final ProductCounts counts = ProductCounts.fromJournal(engine.journalDir(), engine.recoveredEvents(), products.size());
        final MarketDataFeed feed = engine.feed();
        final CoreMetrics core = engine.coreMetrics();
        final long heartbeats = feed.heartbeats();

        final JsonWriter json = new JsonWriter().beginObject();
        json.key("source").value(replay != null ? "replay" : "simulated");
        if (replay != null)
        {
            json.key("capture").value(replay.file().toString());
            json.key("format").value(replay.format().name());
            json.key("speed").value(replay.speedLabel());
            json.key("frames_replayed").value(framesReplayed);
        }
        json.key("journal").value(engine.journalDir().toString());
        json.key("journal_events").value(engine.journalEvents());
        json.key("output_digest").value(engine.outputDigestHex());
        json.key("state_hash").value(engine.stateHashHex());

        json.key("engine").beginObject()
            .key("events").value(core.events.get())
            .key("trades").value(core.trades.get())
            .key("snapshot_trades").value(core.snapshotTrades.get())
            .key("quotes").value(core.quotes.get())
            .key("book_levels").value(core.bookLevels.get())
            .key("candles").value(core.candles.get())
            .key("feed_gaps").value(core.feedGaps.get())
            .key("orders").value(core.orders.get())
            .key("fills").value(core.fills.get())
            .key("decisions_journaled").value(engine.decisionsJournaled())
            .endObject();

        json.key("strategies").beginArray();
        for (int i = 0; i < engine.core().strategies().count(); i++)
        {
            final dev.peregrine.core.strategy.StrategyRunner runner = engine.core().strategies().get(i);
            json.beginObject().key("id").value(runner.strategyId()).key("name").value(runner.name())
                .key("enabled").value(runner.enabled()).endObject();
        }
        json.endArray();
        dev.peregrine.ops.report.PnlTables.json(json, engine.finalPnlTable());

        json.key("connections").beginArray().beginObject();
        writeObjectFields(json, feed.summary());
        json.key("products").beginArray();
        for (final String product : products)
        {
            json.value(product);
        }
        json.endArray();
        json.endObject().endArray();

        json.key("products").beginObject();
        for (int id = 0; id < products.size(); id++)
        {
            final String symbol = products.get(id);
            final int instrument = engine.core().instruments().idOf(symbol);
            json.key(symbol).beginObject()
                .key("trades").value(counts.count(instrument, EventType.TRADE))
                .key("snapshot_trades").value(counts.snapshotTrades(instrument))
                .key("duplicate_trades_dropped").value(feed.duplicateTrades(instrument))
                .key("ticker_updates").value(counts.count(instrument, EventType.QUOTE))
                .key("l2_updates").value(counts.count(instrument, EventType.BOOK_LEVEL))
                .key("candles").value(counts.count(instrument, EventType.CANDLE))
                .key("feed_gaps").value(counts.count(instrument, EventType.FEED_GAP))
                .key("heartbeats").value(heartbeats)
                .key("sequence_gaps").value(feed.sequenceGaps());
            book(json.key("book"), engine.core().market().book(instrument));
            json.endObject();
        }
        json.endObject();
        return json.endObject().toJson();
    }

    private static void book(final JsonWriter json, final OrderBook book)
    {
        final BookSide bids = book.bids();
        final BookSide asks = book.asks();
        json.beginObject()
            .key("state").value(state(book.state()))
            .key("best_bid").value(bids.isEmpty() ? null : FixedPoint.toString(bids.bestPrice()))
            .key("best_bid_quantity").value(bids.isEmpty() ? null : FixedPoint.toString(bids.bestQuantity()))
            .key("best_ask").value(asks.isEmpty() ? null : FixedPoint.toString(asks.bestPrice()))
            .key("best_ask_quantity").value(asks.isEmpty() ? null : FixedPoint.toString(asks.bestQuantity()))
            .key("bid_levels").value(bids.depth())
            .key("ask_levels").value(asks.depth())
            .endObject();
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

    /** A feed's {@link MarketDataFeed#summary()} into the open object: strings, numbers and nested maps. */
    private static void writeObjectFields(final JsonWriter json, final java.util.Map<String, Object> fields)
    {
        for (final java.util.Map.Entry<String, Object> field : fields.entrySet())
        {
            json.key(field.getKey());
            final Object value = field.getValue();
            if (value instanceof java.util.Map<?, ?> nested)
            {
                json.beginObject();
                @SuppressWarnings("unchecked")
                final java.util.Map<String, Object> inner = (java.util.Map<String, Object>)nested;
                writeObjectFields(json, inner);
                json.endObject();
            }
            else if (value instanceof Number number)
            {
                json.value(number.longValue());
            }
            else
            {
                json.value(String.valueOf(value));
            }
        }
    }
}
