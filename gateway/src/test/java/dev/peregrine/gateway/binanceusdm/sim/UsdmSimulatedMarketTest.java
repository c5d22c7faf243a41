package dev.peregrine.gateway.binanceusdm.sim;

import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.binanceusdm.UsdmCatalogSource;
import dev.peregrine.gateway.binanceusdm.UsdmFeed;
import dev.peregrine.gateway.binanceusdm.UsdmProducts;
import dev.peregrine.gateway.binanceusdm.UsdmStream;
import dev.peregrine.gateway.testing.Await;
import dev.peregrine.gateway.testing.BookMirror;
import dev.peregrine.gateway.testing.RecordingRing;
import dev.peregrine.gateway.testing.TestJson;
import dev.peregrine.gateway.venue.VenueRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The USD-M feed against the simulated USD-M venue over loopback: books, trades, marks, funding, REST, a lost diff. */
class UsdmSimulatedMarketTest
{
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");

    private final RecordingRing ring = new RecordingRing(1 << 16);
    private final InstrumentRegistry registry = UsdmProducts.CATALOG.registryFor(SYMBOLS);
    private final BookMirror books = new BookMirror(SYMBOLS.size(), 64);
    private final List<InboundEvent> kept = new ArrayList<>();
    private final int[] counts = new int[EventType.LAST_KNOWN + 1];
    private final HttpClient http = HttpClient.newHttpClient();
    private UsdmSimulatedExchange exchange;
    private UsdmFeed feed;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown()
    {
        if (feed != null)
        {
            feed.close();
        }
        if (exchange != null)
        {
            exchange.close();
        }
    }

    /** Times a mirrored book was crossed at the end of a venue message (a whole book). */
    private int crossings;
    /** Per instrument: the last book level drained was not the end of its venue message. */
    private final boolean[] midMessage = new boolean[2];

    private void start(final Duration fundingInterval)
    {
        exchange = UsdmSimulatedExchange.generated(SYMBOLS, 42, UsdmProducts.CATALOG, fundingInterval, 0).start();
        feed = new UsdmFeed(exchange.streamBase(), exchange.restBase(), SYMBOLS);
        feed.start(ring.ring(), registry);
    }

    /** Drains the ring into the counts, the books and the kept events of interest; true when {@code type} was seen. */
    private boolean seen(final int type, final int times)
    {
        for (final InboundEvent event : ring.take())
        {
            counts[event.type]++;
            if (event.type == EventType.BOOK_LEVEL)
            {
                books.apply(event);
                midMessage[event.instrumentId] = (event.flags & BookFlags.END_OF_MESSAGE) == 0;
                if (!midMessage[event.instrumentId] && books.crossed(event.instrumentId))
                {
                    crossings++;
                }
            }
            else if (event.type != EventType.TRADE && event.type != EventType.QUOTE)
            {
                kept.add(event);
            }
        }
        return counts[type] >= times;
    }

    /** Both books started from their snapshot and hold both sides (the test's own TreeMaps: no tick window). */
    private boolean synced()
    {
        // A book is only whole between venue messages: a drain may stop between two levels of one diff.
        return !midMessage[0] && !midMessage[1] &&
            feed.metrics().snapshotsApplied() >= SYMBOLS.size() && !books.bids.get(0).isEmpty() &&
            !books.asks.get(0).isEmpty() && !books.bids.get(1).isEmpty() && !books.asks.get(1).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void booksTradesMarksAndFundingReachTheRingAndFundingMatchesTheVenuesHistory() throws Exception
    {
        start(Duration.ofSeconds(2));

        Await.until("two funding settlements and both books synced", WAIT, () -> seen(EventType.FUNDING_SETTLEMENT, 2) &&
            synced());

        assertThat(counts[EventType.TRADE]).isPositive();
        assertThat(counts[EventType.QUOTE]).isPositive();
        assertThat(counts[EventType.MARK_PRICE]).isGreaterThanOrEqualTo(2);
        assertThat(counts[EventType.FEED_GAP]).isZero();
        assertThat(crossings).as("a mirrored book crossed at a message boundary").isZero();
        assertThat(feed.usdmMetrics().frames(UsdmStream.MARK_PRICE)).isPositive();
        // Every settlement the feed derived is one the venue lists in its funding history, at the same time and rate.
        final List<Object> history = (List<Object>)TestJson.parse(get("/fapi/v1/fundingRate?limit=1000"));
        for (final InboundEvent settlement : kept)
        {
            if (settlement.type != EventType.FUNDING_SETTLEMENT)
            {
                continue;
            }
            final Map<String, Object> row = history.stream().map(o -> (Map<String, Object>)o)
                .filter(r -> r.get("symbol").equals(registry.get(settlement.instrumentId).symbol()) &&
                    ((Number)r.get("fundingTime")).longValue() * 1_000_000L == settlement.exchangeTimeNanos)
                .findFirst().orElseThrow(() -> new AssertionError("no history row for " + settlement.exchangeTimeNanos));
            assertThat(FixedPoint.parse((String)row.get("fundingRate"))).isEqualTo(settlement.fundingRate);
            assertThat(settlement.exchangeTimeNanos % 2_000_000_000L).as("on the 2 s grid").isZero();
        }
        final Map<String, Object> premium = TestJson.object(get("/fapi/v1/premiumIndex?symbol=BTCUSDT"));
        assertThat(((Number)premium.get("nextFundingTime")).longValue() % 2_000).isZero();
        assertThat(FixedPoint.parse((String)premium.get("markPrice"))).isPositive();
    }

    @Test
    void theVenuesExchangeInfoReadsBackAsTheContractsItServes() throws Exception
    {
        exchange = UsdmSimulatedExchange.generated(SYMBOLS, 42, UsdmProducts.CATALOG,
            UsdmSimulatedExchange.VENUE_FUNDING_INTERVAL, 0).start();

        final ProductCatalog read = new UsdmCatalogSource().read(this::get, exchange.restBase(), List.of("BTCUSDT"));

        final ProductCatalog.Product served = UsdmProducts.CATALOG.find("BTCUSDT");
        final ProductCatalog.Product product = read.find("BTCUSDT");
        assertThat(product.perpetual()).isEqualTo(served.perpetual());
        assertThat(product.priceIncrement()).isEqualTo(served.priceIncrement());
        assertThat(product.sizeIncrement()).isEqualTo(served.sizeIncrement());
        assertThat(product.minNotional()).isEqualTo(served.minNotional());
        assertThat(product.referencePrice()).as("the mark of premiumIndex").isPositive();
        assertThat(read.find("ETHUSDT")).as("only what was asked").isNull();

        // A run's catalog through the registry's loader: the perpetual over spot's BTCUSDT, cached for an offline start.
        final Path cache = dir.resolve("catalog.txt");
        final List<String> warnings = new ArrayList<>();
        final ProductCatalog live = VenueRegistry.standard().loadCatalog("binance-usdm", exchange.restBase(),
            List.of("BTCUSDT"), cache, Duration.ofSeconds(5), warnings::add);
        final ProductCatalog offline = VenueRegistry.standard().loadCatalog("binance-usdm", URI.create("http://127.0.0.1:1"),
            List.of("BTCUSDT"), cache, Duration.ofSeconds(2), warnings::add);
        assertThat(live.find("BTCUSDT").perpetual()).isEqualTo(served.perpetual());
        assertThat(offline.find("BTCUSDT")).isEqualTo(live.find("BTCUSDT"));
        assertThat(warnings).hasSize(1);
    }

    @Test
    void aLostDepthDiffBreaksThePreviousIdChainAndTheFeedResyncs()
    {
        start(UsdmSimulatedExchange.VENUE_FUNDING_INTERVAL);
        Await.until("books synced", WAIT, () -> seen(EventType.BOOK_LEVEL, 1) && synced());

        exchange.dropNextDepthDiff();
        // A drop that lands while a book is still between snapshot and first diff costs no gap; drop again then
        // (every 3 s until one is seen), so the test is about recovery, not about when the drop landed.
        final long[] lastDrop = {System.nanoTime()};
        Await.until("a gap and its recovery", WAIT, () ->
        {
            if (!seen(EventType.FEED_GAP, 1) && System.nanoTime() - lastDrop[0] > 3_000_000_000L)
            {
                exchange.dropNextDepthDiff();
                lastDrop[0] = System.nanoTime();
            }
            return seen(EventType.FEED_GAP, 1) && seen(EventType.FEED_RECOVERED, 1);
        });
        assertThat(kept).extracting(e -> e.type).containsSubsequence(EventType.FEED_GAP, EventType.FEED_RECOVERED);
        assertThat(feed.sequenceGaps()).isPositive();
    }

    private String get(final URI url) throws IOException
    {
        try
        {
            final HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2)
            {
                throw new IOException(url + " answered " + response.statusCode());
            }
            return response.body();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException(ex);
        }
    }

    private String get(final String path) throws IOException
    {
        return get(URI.create(exchange.restBase() + path));
    }
}
