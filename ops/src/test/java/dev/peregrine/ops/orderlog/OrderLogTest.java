package dev.peregrine.ops.orderlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.ops.logging.JsonLog;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order log without an engine: the core's calls go into the capture as the core makes them, the agent
 * runs inline ({@link OrderLog#doWork()}), and the lines and the open-order view are checked exactly.
 */
class OrderLogTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T0 = Instant.parse("2026-01-02T03:04:05.123456789Z").getEpochSecond() * 1_000_000_000L + 123_456_789L;
    private static final long QTY = FixedPoint.parse("0.02");
    private static final long PRICE = FixedPoint.parse("65000.5");
    /** Held in a constant: values() copies its array at every call, which would count as the capture's allocation. */
    private static final RejectReason RISK_REJECT = RejectReason.values()[1];

    private final StringWriter text = new StringWriter();
    private final OrderLog log = new OrderLog(64);
    private final OrderEventCapture core = log.capture();
    private final DecisionRecord note = new DecisionRecord();
    private final DecisionRecord decision = new DecisionRecord();

    OrderLogTest()
    {
        log.names(List.of("BTC-USD", "ETH-USD"), List.of("quotes", "trend"));
        log.sink(new JsonLog(new PrintWriter(text)));
        log.recovered(new OrderStore(16));
    }

    /** What the core does for one order decision: onDecision with the strategy, then onOrder or onReject. */
    private void decide(final int strategyId, final long orderId, final int instrument, final String signal)
    {
        decision.record(note.signal(signal), strategyId, orderId, instrument, Side.BUY, OrderType.LIMIT, QTY, PRICE, T0, 1);
        core.onDecision(decision);
    }

    private List<JsonNode> lines() throws Exception
    {
        final List<JsonNode> nodes = new ArrayList<>();
        for (final String line : text.toString().split("\n"))
        {
            if (!line.isEmpty())
            {
                nodes.add(JSON.readTree(line)); // throws on anything that is not one JSON value
                assertThat(line.trim()).startsWith("{").endsWith("}");
            }
        }
        return nodes;
    }

    @Test
    void everyLineIsJsonWithTheOrderIdAndEachOrdersLinesFollowItsLifecycle() throws Exception
    {
        decide(1, 1, 0, "quote-bid");
        core.onOrder(1, 0, Side.BUY, OrderType.LIMIT, QTY, PRICE, T0);
        decide(2, 2, 1, "ema-cross-up");
        core.onOrder(2, 1, Side.SELL, OrderType.MARKET, QTY, 0, T0 + 1);
        core.onAccepted(1, 0, T0 + 20);
        core.onFill(2, 1, Side.SELL, QTY, FixedPoint.parse("3000.25"), 0.36015, T0 + 25);
        core.onFill(1, 0, Side.BUY, QTY / 4, PRICE, 0.13, T0 + 30);
        assertThat(log.doWork()).isEqualTo(5);

        // Order 1 rests, a quarter filled; order 2 (market) filled completely and left the view.
        assertThat(log.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.orderId()).isEqualTo(1);
            assertThat(o.strategyName()).isEqualTo("quotes");
            assertThat(o.product()).isEqualTo("BTC-USD");
            assertThat(o.state()).isEqualTo(OpenOrder.ACCEPTED);
            assertThat(o.filledQuantity()).isEqualTo(QTY / 4);
            assertThat(o.limitPrice()).isEqualTo(PRICE);
            assertThat(o.recovered()).isFalse();
        });

        core.onCancelRequested(1, 0, T0 + 40);
        core.onCancel(1, 0, QTY - QTY / 4, T0 + 60);
        decide(1, 3, 0, "quote-bid");
        core.onReject(3, 0, Side.BUY, QTY, RISK_REJECT, T0 + 70);
        core.onOrder(4, 1, Side.BUY, OrderType.LIMIT, QTY, PRICE, T0 + 80); // an engine order: no decision of its id
        core.onExpired(4, 1, QTY, T0 + 90);
        assertThat(log.doWork()).isEqualTo(5);
        assertThat(log.openOrders()).isEmpty();
        assertThat(log.dropped()).isZero();

        final List<JsonNode> lines = lines();
        assertThat(lines).hasSize(10);
        for (final JsonNode line : lines)
        {
            assertThat(line.get("order_id").isIntegralNumber()).as("order_id on %s", line).isTrue();
            assertThat(Instant.parse(line.get("ts").asText())).isAfterOrEqualTo(Instant.parse("2026-01-02T03:04:05.123456789Z"));
            assertThat(line.get("level").asText()).isIn("INFO", "WARN");
        }
        assertThat(events(lines, 1)).containsExactly("order_submitted", "order_accepted", "order_filled",
            "cancel_requested", "order_cancelled");
        assertThat(events(lines, 2)).containsExactly("order_submitted", "order_filled");
        assertThat(events(lines, 3)).containsExactly("order_rejected");
        assertThat(events(lines, 4)).containsExactly("order_submitted", "order_expired");
        for (final JsonNode line : lines)
        {
            final long id = line.get("order_id").asLong();
            final String strategy = id == 1 || id == 3 ? "quotes" : id == 2 ? "trend" : null;
            assertThat(line.get("strategy_name").isNull() ? null : line.get("strategy_name").asText())
                .as("strategy of %s", line).isEqualTo(strategy);
        }

        final JsonNode submitted = lines.get(0);
        assertThat(submitted.get("ts").asText()).isEqualTo("2026-01-02T03:04:05.123456789Z");
        assertThat(submitted.get("strategy").asInt()).isEqualTo(1);
        assertThat(submitted.get("product").asText()).isEqualTo("BTC-USD");
        assertThat(submitted.get("side").asText()).isEqualTo("BUY");
        assertThat(submitted.get("type").asText()).isEqualTo("LIMIT");
        assertThat(submitted.get("quantity").decimalValue()).isEqualByComparingTo("0.02");
        assertThat(submitted.get("price").decimalValue()).isEqualByComparingTo("65000.5");
        assertThat(submitted.get("signal").asText()).isEqualTo("quote-bid");
        final JsonNode marketFill = find(lines, 2, "order_filled");
        assertThat(marketFill.get("fill_price").decimalValue()).isEqualByComparingTo("3000.25");
        assertThat(marketFill.get("fill_quantity").decimalValue()).isEqualByComparingTo("0.02");
        assertThat(marketFill.get("fee").decimalValue()).isEqualByComparingTo("0.36015");
        assertThat(marketFill.get("leaves").decimalValue()).isEqualByComparingTo("0");
        assertThat(find(lines, 2, "order_submitted").has("price")).as("a market order has no price").isFalse();
        assertThat(find(lines, 1, "order_filled").get("leaves").decimalValue()).isEqualByComparingTo("0.015");
        assertThat(find(lines, 1, "order_cancelled").get("leaves").decimalValue()).isEqualByComparingTo("0.015");
        final JsonNode rejected = find(lines, 3, "order_rejected");
        assertThat(rejected.get("level").asText()).isEqualTo("WARN");
        assertThat(rejected.get("reason").asText()).isEqualTo(RISK_REJECT.label());
        assertThat(find(lines, 4, "order_expired").get("level").asText()).isEqualTo("WARN");
        assertThat(find(lines, 4, "order_submitted").get("strategy").isNull()).isTrue();
    }

    @Test
    void aRefusedCancelPutsTheOrderBackToWorking() throws Exception
    {
        decide(1, 1, 0, "quote-bid");
        core.onOrder(1, 0, Side.BUY, OrderType.LIMIT, QTY, PRICE, T0);
        core.onAccepted(1, 0, T0 + 10);
        core.onCancelRequested(1, 0, T0 + 20);
        decide(1, 2, 0, "quote-bid");
        core.onOrder(2, 0, Side.BUY, OrderType.LIMIT, QTY, PRICE, T0 + 30);
        core.onCancelRequested(2, 0, T0 + 40); // before the venue accepted it
        assertThat(log.doWork()).isEqualTo(5);
        assertThat(log.openOrders()).extracting(OpenOrder::state)
            .containsExactly(OpenOrder.CANCEL_REQUESTED, OpenOrder.CANCEL_REQUESTED);

        core.onCancelRefused(1, 0, true, T0 + 50);
        core.onCancelRefused(2, 0, false, T0 + 60);
        assertThat(log.doWork()).isEqualTo(2);
        assertThat(log.openOrders()).extracting(OpenOrder::orderId, OpenOrder::state)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, OpenOrder.ACCEPTED),
                org.assertj.core.groups.Tuple.tuple(2L, OpenOrder.SENT));
        final List<JsonNode> lines = lines();
        assertThat(events(lines, 1)).containsExactly("order_submitted", "order_accepted", "cancel_requested", "cancel_refused");
        final JsonNode refused = find(lines, 1, "cancel_refused");
        assertThat(refused.get("level").asText()).isEqualTo("WARN");
        assertThat(refused.get("strategy_name").asText()).isEqualTo("quotes");
        assertThat(refused.get("product").asText()).isEqualTo("BTC-USD");
    }

    @Test
    void aFullRingDropsAndCountsAndNeverBlocks() throws Exception
    {
        final OrderLog small = new OrderLog(8);
        small.names(List.of("BTC-USD"), List.of("s"));
        final StringWriter out = new StringWriter();
        small.sink(new JsonLog(new PrintWriter(out)));
        small.recovered(new OrderStore(16));
        for (int i = 1; i <= 100; i++)
        {
            small.capture().onAccepted(i, 0, T0 + i); // no consumer: returns at once, drops when full
        }
        assertThat(small.dropped()).isEqualTo(92);
        assertThat(small.doWork()).isEqualTo(8);
        assertThat(small.doWork()).isZero();
        small.capture().onCancelRequested(101, 0, T0);
        assertThat(small.doWork()).isEqualTo(1);
        assertThat(small.dropped()).isEqualTo(92);
        assertThat(out.toString().split("\n")).hasSize(9);
    }

    @Test
    void aProducerThreadAndTheLogThreadLoseNothingUncounted() throws Exception
    {
        final OrderLog concurrent = new OrderLog(256);
        concurrent.names(List.of("BTC-USD"), List.of("s"));
        final StringWriter out = new StringWriter();
        concurrent.sink(new JsonLog(new PrintWriter(out)));
        concurrent.recovered(new OrderStore(16));
        concurrent.start(new dev.peregrine.core.agent.AgentErrors());
        final int events = 200_000;
        final Thread producer = new Thread(() -> {
            for (int i = 1; i <= events; i++)
            {
                concurrent.capture().onAccepted(i, 0, T0 + i);
            }
        });
        producer.start();
        producer.join(TimeUnit.SECONDS.toMillis(30));
        concurrent.close();
        final String[] lines = out.toString().split("\n");
        assertThat(lines.length + concurrent.dropped()).isEqualTo(events);
        long last = 0;
        for (final String line : lines)
        {
            final long id = JSON.readTree(line).get("order_id").asLong();
            assertThat(id).as("ring order kept").isGreaterThan(last);
            last = id;
        }
    }

    @Test
    void capturingAllocatesNothing()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final OrderLog quiet = new OrderLog(1 << 14);
        quiet.names(List.of("BTC-USD"), List.of("s"));
        quiet.recovered(new OrderStore(16));
        final OrderEventCapture capture = quiet.capture();
        for (int round = 0; round < 20; round++) // warm-up: the JIT compiles the capture path
        {
            capturing(capture, 1_000);
            while (quiet.doWork() > 0)
            {
                // drain
            }
        }
        final long tid = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(tid);
        capturing(capture, 2_000); // 12,000 events: fits the ring
        final long accepted = threads.getThreadAllocatedBytes(tid) - before;
        final long beforeFull = threads.getThreadAllocatedBytes(tid);
        capturing(capture, 2_000); // the ring fills: the drop path too
        final long dropping = threads.getThreadAllocatedBytes(tid) - beforeFull;
        assertThat(capture.dropped()).isPositive();
        // A few hundred bytes of slack for the MXBean call itself; one object per event would be > 100 KB.
        assertThat(accepted).as("bytes allocated by 12,000 captured events").isLessThan(1024);
        assertThat(dropping).as("bytes allocated by 12,000 events, most dropped").isLessThan(1024);
    }

    private void capturing(final OrderEventCapture capture, final int orders)
    {
        for (int i = 0; i < orders; i++)
        {
            decision.record(note, 1, i, 0, Side.BUY, OrderType.LIMIT, QTY, PRICE, T0, 1);
            capture.onDecision(decision);
            capture.onOrder(i, 0, Side.BUY, OrderType.LIMIT, QTY, PRICE, T0 + i);
            capture.onAccepted(i, 0, T0 + i);
            capture.onFill(i, 0, Side.BUY, QTY / 2, PRICE, 0.1, T0 + i);
            capture.onCancelRequested(i, 0, T0 + i);
            capture.onCancel(i, 0, QTY / 2, T0 + i);
            capture.onReject(i, 0, Side.BUY, QTY, RISK_REJECT, T0 + i);
        }
    }

    @Test
    void recoveredOpenOrdersSeedTheViewAndAreNotLoggedAgain() throws Exception
    {
        final OrderLog restarted = new OrderLog(64);
        restarted.names(List.of("BTC-USD", "ETH-USD"), List.of("quotes"));
        final StringWriter out = new StringWriter();
        restarted.sink(new JsonLog(new PrintWriter(out)));
        // Recovery replays the journal through the core while the capture is still off.
        restarted.capture().onOrder(7, 1, Side.SELL, OrderType.LIMIT, QTY, PRICE, T0);
        final OrderStore recoveredCore = new OrderStore(16);
        recoveredCore.create(7, 1, 1, Side.SELL, OrderType.LIMIT, QTY, PRICE, false, T0);
        restarted.recovered(recoveredCore);
        assertThat(restarted.doWork()).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(restarted.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.orderId()).isEqualTo(7);
            assertThat(o.recovered()).isTrue();
            assertThat(o.state()).isEqualTo(OpenOrder.SENT);
            assertThat(o.strategyName()).isEqualTo("quotes");
            assertThat(o.product()).isEqualTo("ETH-USD");
        });
        // New events about it are logged with the strategy the recovered view knows.
        restarted.capture().onCancelRequested(7, 1, T0 + 5);
        restarted.capture().onCancel(7, 1, QTY, T0 + 9);
        assertThat(restarted.doWork()).isEqualTo(2);
        assertThat(restarted.openOrders()).isEmpty();
        final String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        for (final String line : lines)
        {
            final JsonNode node = JSON.readTree(line);
            assertThat(node.get("order_id").asLong()).isEqualTo(7);
            assertThat(node.get("strategy_name").asText()).isEqualTo("quotes");
        }
    }

    private static List<String> events(final List<JsonNode> lines, final long orderId)
    {
        final List<String> events = new ArrayList<>();
        for (final JsonNode line : lines)
        {
            if (line.get("order_id").asLong() == orderId)
            {
                events.add(line.get("event").asText());
            }
        }
        return events;
    }

    private static JsonNode find(final List<JsonNode> lines, final long orderId, final String event)
    {
        for (final JsonNode line : lines)
        {
            if (line.get("order_id").asLong() == orderId && line.get("event").asText().equals(event))
            {
                return line;
            }
        }
        throw new AssertionError("no " + event + " of order " + orderId + " in " + lines);
    }
}
