package dev.peregrine.gateway.binance.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.RestStatus;
import dev.peregrine.gateway.orders.VenueRejectReason;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** User data stream reports, create and cancel answers and queries, as the listener calls they become. */
class BinanceReportHandlerTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingVenueListener calls = new RecordingVenueListener();
    private final List<Long> rechecks = new ArrayList<>();
    private final List<Long> cancels = new ArrayList<>();
    private final BinanceReportHandler handler = new BinanceReportHandler(calls, new OrderAdapterMetrics(),
        o -> rechecks.add(o.orderId), o -> cancels.add(o.orderId));

    @Test
    void streamedTradesBecomeFillsOnceEachWithTheTradeIdAsFillNumber() throws Exception
    {
        final BinanceTrackedOrder order = track(7, "prg-a-7", BinanceOrderRequest.limit("prg-a-7", "BTCUSDT", Side.BUY,
            FixedPoint.parse("0.3"), FixedPoint.parse("60000"), "GTC"));

        handler.onExecutionReport(report("prg-a-7", "", "NEW", "NEW", -1, "0", "0", "0", null, false));
        handler.onExecutionReport(report("prg-a-7", "", "TRADE", "PARTIALLY_FILLED", 501, "0.1", "0.1", "60000",
            "0.0001", true));
        handler.onExecutionReport(report("prg-a-7", "", "TRADE", "PARTIALLY_FILLED", 501, "0.1", "0.1", "60000",
            "0.0001", true)); // sent twice: applied once
        handler.onExecutionReport(report("prg-a-7", "", "TRADE", "FILLED", 502, "0.2", "0.3", "59990", "12", false));

        assertThat(calls.lines()).containsExactly(
            "accepted 7 88",
            "fill 7 #501 0.1 @ 60000 fee 6 maker",
            "fill 7 #502 0.2 @ 59990 fee 12 taker");
        assertThat(order.done).isTrue();
    }

    @Test
    void aCancelReportNamesTheOrderInItsOriginalClientIdAndEndsIt() throws Exception
    {
        track(8, "prg-a-8", BinanceOrderRequest.limit("prg-a-8", "ETHUSDT", Side.SELL, FixedPoint.parse("1"),
            FixedPoint.parse("3000"), "GTC"));
        handler.onExecutionReport(report("prg-a-8", "", "NEW", "NEW", -1, "0", "0", "0", null, false));

        handler.onExecutionReport(report("cancel-x", "prg-a-8", "CANCELED", "CANCELED", -1, "0", "0", "0", null, false));
        handler.onExecutionReport(report("foreign", "", "NEW", "NEW", -1, "0", "0", "0", null, false));

        assertThat(calls.lines()).containsExactly("accepted 8 88", "cancelled 8");
    }

    @Test
    void aLostCreateIsUnknownAndRecheckedAndTheQueryAddsOnlyTheTradesNotSeen() throws Exception
    {
        final BinanceTrackedOrder order = track(9, "prg-a-9", BinanceOrderRequest.market("prg-a-9", "BTCUSDT", Side.SELL,
            FixedPoint.parse("0.5")));

        handler.onCreateAnswer(order, new BinanceAnswer(status(RequestOutcome.TIMEOUT, 0), 0, null));
        handler.onExecutionReport(report("prg-a-9", "", "TRADE", "PARTIALLY_FILLED", 600, "0.2", "0.2", "61000",
            "1.22", false));
        handler.onQueried(order, answer("{\"orderId\":88,\"executedQty\":\"0.5\",\"status\":\"FILLED\"}"),
            answer("[{\"id\":601,\"qty\":\"0.3\",\"price\":\"60990\",\"commission\":\"1.8297\",\"commissionAsset\":\"USDT\"," +
                "\"isMaker\":false},{\"id\":600,\"qty\":\"0.2\",\"price\":\"61000\",\"commission\":\"1.22\"," +
                "\"commissionAsset\":\"USDT\",\"isMaker\":false}]"));

        assertThat(rechecks).containsExactly(9L);
        assertThat(calls.lines()).containsExactly(
            "unknown 9 " + VenueRejectReason.TIMEOUT,
            "accepted 9 88",
            "fill 9 #600 0.2 @ 61000 fee 1.22 taker",
            "fill 9 #601 0.3 @ 60990 fee 1.8297 taker");
        assertThat(order.done).isTrue();
    }

    @Test
    void refusedCreatesAreRejectedWithTheirReasonAndAWantedCancelIsSentOnceAccepted() throws Exception
    {
        final BinanceTrackedOrder refused = track(10, "prg-a-10", BinanceOrderRequest.market("prg-a-10", "BTCUSDT",
            Side.BUY, 1));
        final BinanceTrackedOrder wanted = track(11, "prg-a-11", BinanceOrderRequest.limit("prg-a-11", "BTCUSDT",
            Side.BUY, 1, 1, "GTC"));
        wanted.cancelWanted = true;

        handler.onCreateAnswer(refused, new BinanceAnswer(new RestStatus(RequestOutcome.REJECTED, 400,
            "-2010 Account has insufficient balance for requested action.", -1, -1, 1), -2010, null));
        handler.onCreateAnswer(wanted, answer("{\"symbol\":\"BTCUSDT\",\"orderId\":4,\"clientOrderId\":\"prg-a-11\"}"));

        assertThat(calls.lines()).containsExactly("rejected 10 " + VenueRejectReason.VENUE_REJECTED, "accepted 11 4");
        assertThat(cancels).containsExactly(11L);
    }

    @Test
    void aCancelAnswerWithFillsNotYetSeenWaitsForThemThroughAQuery() throws Exception
    {
        final BinanceTrackedOrder order = track(12, "prg-a-12", BinanceOrderRequest.limit("prg-a-12", "BTCUSDT",
            Side.BUY, FixedPoint.parse("1"), 1, "GTC"));
        handler.onCreateAnswer(order, answer("{\"orderId\":5}"));

        handler.onCancelAnswer(order, answer("{\"status\":\"CANCELED\",\"executedQty\":\"0.4\"}"));

        assertThat(calls.lines()).containsExactly("accepted 12 5");
        assertThat(rechecks).containsExactly(12L);
    }

    @Test
    void aCommissionIsValuedInTheQuoteAsset()
    {
        final long price = FixedPoint.parse("60000");
        assertThat(BinanceReportHandler.feeInQuote("BTCUSDT", "0.5", "USDT", price)).isEqualTo(FixedPoint.parse("0.5"));
        assertThat(BinanceReportHandler.feeInQuote("BTCUSDT", "0.0001", "BTC", price)).isEqualTo(FixedPoint.parse("6"));
        assertThat(BinanceReportHandler.feeInQuote("BTCUSDT", "0.01", "BNB", price)).isZero();
        assertThat(BinanceReportHandler.feeInQuote("BTCUSDT", null, null, price)).isZero();
    }

    private BinanceTrackedOrder track(final long orderId, final String clientOrderId, final BinanceOrderRequest request)
    {
        final BinanceTrackedOrder order = new BinanceTrackedOrder(orderId, request);
        handler.track(order);
        return order;
    }

    private static ExecutionReport report(final String c, final String origC, final String x, final String status,
        final long tradeId, final String last, final String cumulative, final String lastPrice, final String commission,
        final boolean maker) throws Exception
    {
        final String asset = commission == null ? "null" : commission.contains(".") && !commission.startsWith("1") ? "\"BTC\"" : "\"USDT\"";
        return ExecutionReport.of(JSON.readTree("{\"e\":\"executionReport\",\"E\":1499405658658,\"s\":\"BTCUSDT\"," +
            "\"c\":\"" + c + "\",\"S\":\"BUY\",\"o\":\"LIMIT\",\"f\":\"GTC\",\"q\":\"1.00000000\",\"p\":\"0.10264410\"," +
            "\"P\":\"0.00000000\",\"F\":\"0.00000000\",\"g\":-1,\"C\":\"" + origC + "\",\"x\":\"" + x + "\",\"X\":\"" +
            status + "\",\"r\":\"NONE\",\"i\":88,\"l\":\"" + last + "\",\"z\":\"" + cumulative + "\",\"L\":\"" + lastPrice +
            "\",\"n\":" + (commission == null ? "\"0\"" : "\"" + commission + "\"") + ",\"N\":" + asset +
            ",\"T\":1499405658657,\"t\":" + tradeId + ",\"I\":8641984,\"w\":true,\"m\":" + maker + ",\"M\":false," +
            "\"O\":1499405658657,\"Z\":\"0\",\"Y\":\"0\",\"Q\":\"0\",\"W\":1499405658657,\"V\":\"NONE\"}"));
    }

    private static BinanceAnswer answer(final String json) throws Exception
    {
        return new BinanceAnswer(status(RequestOutcome.OK, 200), 0, JSON.readTree(json));
    }

    private static RestStatus status(final RequestOutcome outcome, final int http)
    {
        return new RestStatus(outcome, http, null, -1, -1, 1);
    }
}
