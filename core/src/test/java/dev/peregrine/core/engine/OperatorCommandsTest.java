package dev.peregrine.core.engine;

import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pause, resume, reduce, flatten and kill arrive as inbound events and act deterministically. */
class OperatorCommandsTest
{
    private static final int BTC = 0;
    private static final int ETH = 1;

    private static long q(final String text)
    {
        return FixedPoint.parse(text);
    }

    private static long limit(final CoreHarness h, final int instrument, final int side, final String qty, final String price)
    {
        h.core.execution().beginEvent(h.events.clock());
        final long id = h.core.execution().submitLimitOrder(instrument, side, q(qty), q(price));
        h.feed(h.events.clock());
        return id;
    }

    private static void market(final CoreHarness h, final int instrument, final int side, final String qty)
    {
        h.core.execution().beginEvent(h.events.clock());
        h.core.execution().submitMarketOrder(instrument, side, q(qty));
        h.feed(h.events.clock());
    }

    private static CoreHarness quoted()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "100", "100");
        h.feed(h.events.quote(BTC, "100", "50", "101", "50"));
        h.feed(h.events.quote(ETH, "10", "500", "11", "500"));
        return h;
    }

    @Test
    void killHaltsAndCancelsEveryOpenOrderButLeavesPositions()
    {
        final CoreHarness h = quoted();
        market(h, BTC, Side.BUY, "1");
        final long[] ids = new long[12];
        for (int i = 0; i < ids.length; i++)
        {
            ids[i] = limit(h, ETH, Side.BUY, "1", "9." + (10 + i));   // all below the 10 bid: they rest
        }
        h.outputs.clear();

        h.feed(h.events.command(CommandCode.KILL));
        assertThat(h.core.tradingState().state()).isEqualTo(TradingState.HALTED);
        assertThat(h.core.execution().commandInProgress()).as("12 cancels do not fit one event's 8 slots").isTrue();
        h.feed(h.events.clock());
        assertThat(h.outputs.count("cancel_request")).as("the other 4 asked on the next event").isEqualTo(12);
        h.feed(h.events.clock());
        assertThat(h.core.execution().commandInProgress()).as("done once the venue confirmed every cancel").isFalse();
        for (final long id : ids)
        {
            assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.CANCELLED);
        }
        assertThat(h.outputs.count("cancel_request")).isEqualTo(12);
        assertThat(h.outputs.count("cancel")).isEqualTo(12);
        assertThat(h.core.positions().quantity(BTC)).isEqualTo(q("1"));

        market(h, ETH, Side.BUY, "1");
        assertThat(h.outputs.lines()).last().isEqualTo("REJECT #14 i1 BUY 1 TRADING_HALTED");
    }

    @Test
    void flattenCancelsClosesEveryPositionAndStaysReducing()
    {
        final CoreHarness h = quoted();
        market(h, BTC, Side.BUY, "1");
        market(h, ETH, Side.SELL, "3");
        final long resting = limit(h, BTC, Side.BUY, "1", "90");
        h.outputs.clear();

        h.feed(h.events.command(CommandCode.FLATTEN));
        h.feed(h.events.clock());
        assertThat(h.core.positions().quantity(BTC)).isZero();
        assertThat(h.core.positions().quantity(ETH)).isZero();
        assertThat(h.core.execution().orders().get(resting).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(h.outputs.lines()).containsExactly(
            "CANCEL_REQUEST #" + resting,
            "CANCEL #" + resting + " i0 1",
            "ORDER #4 i0 SELL 1",
            "ORDER #5 i1 BUY 3",
            "FILL #4 i0 SELL 1 @ 100",
            "FILL #5 i1 BUY 3 @ 11");
        assertThat(h.core.tradingState().state()).isEqualTo(TradingState.REDUCING);
        assertThat(h.core.tradingState().reason()).isEqualTo("operator: flatten");

        market(h, BTC, Side.BUY, "1");
        assertThat(h.outputs.lines()).last().isEqualTo("REJECT #6 i0 BUY 1 TRADING_REDUCING");
    }

    @Test
    void pauseAndResume()
    {
        final CoreHarness h = quoted();
        h.feed(h.events.command(CommandCode.PAUSE));
        market(h, BTC, Side.BUY, "1");
        h.feed(h.events.command(CommandCode.RESUME));
        market(h, BTC, Side.BUY, "1");
        h.feed(h.events.command(CommandCode.REDUCE));
        market(h, BTC, Side.BUY, "1");
        market(h, BTC, Side.SELL, "0.5");
        assertThat(h.outputs.lines()).containsExactly(
            "REJECT #1 i0 BUY 1 TRADING_HALTED",
            "ORDER #2 i0 BUY 1",
            "FILL #2 i0 BUY 1 @ 101",
            "REJECT #3 i0 BUY 1 TRADING_REDUCING",
            "ORDER #4 i0 SELL 0.5",
            "FILL #4 i0 SELL 0.5 @ 100");
        assertThat(h.metrics.commands.get()).isEqualTo(3);
    }

    @Test
    void aGracefulStopCancelsLikeAKillButTheNextStartTradesAgain()
    {
        final CoreHarness h = quoted();
        market(h, BTC, Side.BUY, "1");
        final long resting = limit(h, ETH, Side.BUY, "1", "9.5");
        h.outputs.clear();

        h.feed(h.events.command(CommandCode.STOP));
        h.feed(h.events.clock());
        assertThat(h.core.execution().orders().get(resting).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(h.core.tradingState().state()).isEqualTo(TradingState.HALTED);
        assertThat(h.core.tradingState().stopping()).isTrue();
        assertThat(h.core.tradingState().stateAfterStart()).isEqualTo(TradingState.ACTIVE);
        market(h, ETH, Side.BUY, "1");
        assertThat(h.outputs.lines()).as("refused for the stop, not for a halt an operator must lift")
            .last().asString().endsWith("ENGINE_STOPPING");

        h.feed(h.events.command(CommandCode.START));
        assertThat(h.core.tradingState().state()).isEqualTo(TradingState.ACTIVE);
        assertThat(h.core.tradingState().stopping()).isFalse();
        assertThat(h.core.positions().quantity(BTC)).as("positions survive the stop").isEqualTo(q("1"));
        market(h, ETH, Side.BUY, "1");
        assertThat(h.outputs.lines()).last().asString().startsWith("FILL");
    }

    @Test
    void anOperatorsKillOutlivesAGracefulStopAndTheNextStart()
    {
        final CoreHarness h = quoted();
        h.feed(h.events.command(CommandCode.KILL));
        final long killedAt = h.core.tradingState().sinceNanos();
        h.feed(h.events.command(CommandCode.STOP));
        assertThat(h.core.tradingState().reason()).isEqualTo("engine stopping");
        assertThat(h.core.tradingState().reasonAfterStart()).isEqualTo("operator: kill");

        h.feed(h.events.command(CommandCode.START));
        assertThat(h.core.tradingState().state()).isEqualTo(TradingState.HALTED);
        assertThat(h.core.tradingState().reason()).isEqualTo("operator: kill");
        assertThat(h.core.tradingState().reasonCode()).isEqualTo(CommandCode.KILL);
        assertThat(h.core.tradingState().sinceNanos()).as("since the kill, not the restart").isEqualTo(killedAt);
        market(h, BTC, Side.BUY, "1");
        assertThat(h.outputs.lines()).last().asString().endsWith("TRADING_HALTED");

        h.feed(h.events.command(CommandCode.RESUME));
        assertThat(h.core.tradingState().state()).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void aStartWithoutAStopChangesNothingAndTheHashSaysWhetherAStopIsPending()
    {
        final CoreHarness h = quoted();
        h.feed(h.events.command(CommandCode.REDUCE));
        final long before = h.core.tradingState().hash(1);
        h.feed(h.events.command(CommandCode.START));
        assertThat(h.core.tradingState().state()).isEqualTo(TradingState.REDUCING);
        assertThat(h.core.tradingState().hash(1)).isEqualTo(before);
        h.feed(h.events.command(CommandCode.STOP));
        final long stopping = h.core.tradingState().hash(1);
        h.feed(h.events.command(CommandCode.START));
        assertThat(h.core.tradingState().state()).isEqualTo(TradingState.REDUCING);
        assertThat(stopping).isNotEqualTo(h.core.tradingState().hash(1));
        assertThat(CommandCode.of("stop")).as("not an operator command").isZero();
        assertThat(CommandCode.of("start")).isZero();
    }
}
