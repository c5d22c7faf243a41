package dev.peregrine.gateway.sim.binance;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tape's trades, candles and rolling statistics, and the kline intervals' UTC alignment. */
class BinanceMarketTapeTest
{
    private static final long MONDAY = Instant.parse("2024-08-05T00:00:00Z").toEpochMilli();

    @Test
    void intervalsOpenOnUtcBoundariesWeeksOnMondayMonthsOnTheFirst()
    {
        final long wednesdayNoon = Instant.parse("2024-08-07T12:34:56.789Z").toEpochMilli();
        assertThat(KlineInterval.parse("1s").openOf(wednesdayNoon)).isEqualTo(wednesdayNoon - 789);
        assertThat(KlineInterval.parse("4h").openOf(wednesdayNoon)).isEqualTo(Instant.parse("2024-08-07T12:00:00Z").toEpochMilli());
        assertThat(KlineInterval.parse("1w").openOf(wednesdayNoon)).isEqualTo(MONDAY);
        final KlineInterval month = KlineInterval.parse("1M");
        assertThat(month.openOf(wednesdayNoon)).isEqualTo(Instant.parse("2024-08-01T00:00:00Z").toEpochMilli());
        assertThat(month.closeOf(month.openOf(wednesdayNoon))).isEqualTo(Instant.parse("2024-09-01T00:00:00Z").toEpochMilli() - 1);
        assertThat(KlineInterval.parse("7m")).isNull();
        assertThat(KlineInterval.parse(null)).isNull();
    }

    @Test
    void tradesMergeIntoCandlesOfAnyIntervalAndARepeatedTradeIsIgnored()
    {
        final BinanceMarketTape tape = new BinanceMarketTape(List.of("BTCUSDT"));
        assertThat(tape.onTrade("BTCUSDT", trade(1, "100", "1", MONDAY + 1_000, false))).isTrue();
        assertThat(tape.onTrade("BTCUSDT", trade(2, "102", "2", MONDAY + 61_000, true))).isTrue();
        assertThat(tape.onTrade("BTCUSDT", trade(3, "99", "1", MONDAY + 62_000, false))).isTrue();
        assertThat(tape.onTrade("BTCUSDT", trade(3, "99", "1", MONDAY + 62_000, false))).as("the same trade again").isFalse();
        assertThat(tape.onTrade("ETHUSDT", trade(4, "1", "1", MONDAY, false))).as("a symbol not served").isFalse();

        final List<Kline> minutes = tape.klines("BTCUSDT", KlineInterval.parse("1m"), -1, -1, 500);
        assertThat(minutes).hasSize(2);
        assertThat(minutes.get(1).restArray()).isEqualTo("[" + (MONDAY + 60_000) + ",\"102.00000000\",\"102.00000000\"," +
            "\"99.00000000\",\"99.00000000\",\"3.00000000\"," + (MONDAY + 119_999) + ",\"303.00000000\",2,\"1.00000000\"," +
            "\"99.00000000\",\"0\"]");
        final List<Kline> hour = tape.klines("BTCUSDT", KlineInterval.parse("1h"), -1, -1, 500);
        assertThat(hour).hasSize(1);
        assertThat(hour.get(0).trades).isEqualTo(3);
        assertThat(hour.get(0).high).isEqualByComparingTo("102");
        assertThat(tape.klines("BTCUSDT", KlineInterval.parse("1m"), MONDAY + 60_000, -1, 500)).hasSize(1);
        assertThat(tape.klines("BTCUSDT", KlineInterval.parse("1m"), -1, -1, 1).get(0).openTime).isEqualTo(MONDAY + 60_000);

        final Kline day = tape.window("BTCUSDT", MONDAY + 120_000, BinanceTickers.DAY_MILLIS);
        assertThat(day.open).isEqualByComparingTo("100");
        assertThat(day.close).isEqualByComparingTo("99");
        assertThat(day.firstTradeId).isEqualTo(1);
        assertThat(day.lastTradeId).isEqualTo(3);
        assertThat(tape.recentTrades("BTCUSDT", 2)).extracting(BinanceMarketTape.Trade::id).containsExactly(2L, 3L);
        assertThat(tape.lastPrice("BTCUSDT")).isEqualByComparingTo("99");
    }

    @Test
    void anOlderBookTickerDoesNotReplaceANewerOne()
    {
        final BinanceMarketTape tape = new BinanceMarketTape(List.of("BTCUSDT"));
        assertThat(tape.onBook("BTCUSDT", 5, new BigDecimal("1"), BigDecimal.ONE, new BigDecimal("2"), BigDecimal.ONE)).isTrue();
        assertThat(tape.onBook("BTCUSDT", 4, new BigDecimal("0"), BigDecimal.ONE, new BigDecimal("3"), BigDecimal.ONE)).isFalse();
        assertThat(tape.bestBid("BTCUSDT")).isEqualByComparingTo("1");
        assertThat(tape.bestAsk("BTCUSDT")).isEqualByComparingTo("2");
        assertThat(tape.bestAsk("ETHUSDT")).isNull();
    }

    @Test
    void connectionAttemptsPastTheLimitInTheWindowAreRefused()
    {
        final ConnectionAttemptLimit limit = new ConnectionAttemptLimit(2, 1_000);
        assertThat(limit.admit("a", 0)).isTrue();
        assertThat(limit.admit("a", 10)).isTrue();
        assertThat(limit.admit("a", 20)).isFalse();
        assertThat(limit.admit("b", 20)).as("another IP").isTrue();
        assertThat(limit.admit("a", 1_000)).as("the first attempt left the window").isTrue();
    }

    private static BinanceMarketTape.Trade trade(final long id, final String price, final String quantity, final long time,
        final boolean buyerIsMaker)
    {
        return new BinanceMarketTape.Trade(id, new BigDecimal(price), new BigDecimal(quantity), time, buyerIsMaker);
    }
}
