package dev.peregrine.gateway.sim;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.coinbase.CoinbaseProducts;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.testing.Await;
import dev.peregrine.gateway.testing.TestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's {@code level2} channel, read with the JDK's WebSocket client and a test-only JSON
 * parser: the wire format of the real capture, a book rebuilt from the snapshot and updates that never
 * crosses, and a ticker whose best bid and ask are always that book's top.
 */
class SimulatedLevel2Test
{
    private static final List<String> UPDATE_KEYS = List.of("side", "event_time", "price_level", "new_quantity");
    private static final String MICROS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{0,5}[1-9])?Z";

    @RegisterExtension
    final SimulatorClient client = new SimulatorClient();

    @Test
    void level2SnapshotAndUpdatesBuildTheBookTheTickerQuotes() throws Exception
    {
        final SimulatedExchange exchange = new SimulatedExchange(SimulatedExchangeConfig.forProducts(List.of("BTC-USD", "ETH-USD")).withTradesPerSecond(50));
        client.connect(exchange);
        client.subscribe("level2", "BTC-USD");
        client.subscribe("ticker", "BTC-USD");
        Await.until("20 tickers after the level2 snapshot", Duration.ofSeconds(20), () ->
            client.received().stream().filter(m -> m.contains("\"channel\":\"ticker\"")).count() >= 20);

        final ProductCatalog.Product btc = CoinbaseProducts.CATALOG.find("BTC-USD");
        final BigDecimal tick = BigDecimal.valueOf(FixedPoint.toDouble(btc.priceIncrement()));
        final BigDecimal lot = new BigDecimal(FixedPoint.toString(btc.sizeIncrement()));
        final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        int snapshots = 0;
        int updates = 0;
        int tickersChecked = 0;
        for (final String text : client.received())
        {
            final Map<String, Object> frame = TestJson.object(text);
            final List<?> events = (List<?>)frame.get("events");
            switch ((String)frame.get("channel"))
            {
                case "l2_data" ->
                {
                    assertThat(events).hasSize(1);
                    final Map<String, Object> event = map(events.get(0));
                    assertThat(event.keySet()).containsExactly("type", "product_id", "updates");
                    assertThat(event.get("product_id")).isEqualTo("BTC-USD");
                    if ("snapshot".equals(event.get("type")))
                    {
                        assertThat(snapshots++).as("one snapshot, first").isZero();
                        assertThat(updates).isZero();
                    }
                    else
                    {
                        assertThat(event.get("type")).isEqualTo("update");
                        assertThat(snapshots).as("updates only after the snapshot").isOne();
                        updates++;
                    }
                    final List<?> levels = (List<?>)event.get("updates");
                    assertThat(levels).isNotEmpty();
                    for (final Object item : levels)
                    {
                        final Map<String, Object> level = map(item);
                        assertThat(level.keySet()).containsExactlyElementsOf(UPDATE_KEYS);
                        assertThat((String)level.get("event_time")).matches(MICROS);
                        final BigDecimal price = new BigDecimal((String)level.get("price_level"));
                        final BigDecimal quantity = new BigDecimal((String)level.get("new_quantity"));
                        assertThat(price.remainder(tick).signum()).as("price on the tick: %s", price).isZero();
                        assertThat(quantity.remainder(lot).signum()).as("size on the lot: %s", quantity).isZero();
                        assertThat(quantity.signum()).isNotNegative();
                        final TreeMap<BigDecimal, BigDecimal> side = switch ((String)level.get("side"))
                        {
                            case "bid" -> bids;
                            case "offer" -> asks;
                            default -> throw new AssertionError("side " + level.get("side"));
                        };
                        if (quantity.signum() == 0)
                        {
                            assertThat(side.remove(price.stripTrailingZeros())).as("removes a level that is there").isNotNull();
                        }
                        else
                        {
                            side.put(price.stripTrailingZeros(), quantity);
                        }
                    }
                    if ("snapshot".equals(event.get("type")))
                    {
                        assertThat(bids.size()).isEqualTo(SimulatedProduct.BOOK_DEPTH);
                        assertThat(asks.size()).isEqualTo(SimulatedProduct.BOOK_DEPTH);
                    }
                    assertThat(bids.firstKey()).as("never crossed").isLessThan(asks.firstKey());
                }
                case "ticker" ->
                {
                    if (snapshots == 0)
                    {
                        continue;
                    }
                    final Map<String, Object> ticker = map(((List<?>)map(events.get(0)).get("tickers")).get(0));
                    assertThat(new BigDecimal((String)ticker.get("best_bid"))).isEqualByComparingTo(bids.firstKey());
                    assertThat(new BigDecimal((String)ticker.get("best_bid_quantity"))).isEqualByComparingTo(bids.firstEntry().getValue());
                    assertThat(new BigDecimal((String)ticker.get("best_ask"))).isEqualByComparingTo(asks.firstKey());
                    assertThat(new BigDecimal((String)ticker.get("best_ask_quantity"))).isEqualByComparingTo(asks.firstEntry().getValue());
                    tickersChecked++;
                }
                case "subscriptions" -> { }
                default -> throw new AssertionError("unexpected frame " + text);
            }
        }
        assertThat(tickersChecked).isGreaterThanOrEqualTo(15);
        assertThat(updates).isGreaterThanOrEqualTo(tickersChecked - 1);
        assertThat(client.received().stream().filter(m -> m.contains("\"level2\":[\"BTC-USD\"]")).count()).isPositive();
    }

    @Test
    void theBookStaysDeepUncrossedAndTopsTheQuoteStepAfterStep()
    {
        final SimulatedProduct product = new SimulatedProduct(CoinbaseProducts.CATALOG.find("ETH-USD"), new SplittableRandom(7));
        for (int i = 0; i < 2_000; i++)
        {
            product.step(i);
            final SimulatedBook book = product.book();
            assertThat(book.bids().size()).isEqualTo(SimulatedProduct.BOOK_DEPTH);
            assertThat(book.asks().size()).isEqualTo(SimulatedProduct.BOOK_DEPTH);
            assertThat(book.bids().firstKey()).isEqualTo(product.bid());
            assertThat(book.bids().firstEntry().getValue()).isEqualTo(product.bidQuantity()).isPositive();
            assertThat(book.asks().firstKey()).isEqualTo(product.ask());
            assertThat(book.asks().firstEntry().getValue()).isEqualTo(product.askQuantity()).isPositive();
            assertThat(book.hasChanges()).isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final Object value)
    {
        return (Map<String, Object>)value;
    }
}
