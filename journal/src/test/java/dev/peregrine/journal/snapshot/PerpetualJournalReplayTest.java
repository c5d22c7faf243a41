package dev.peregrine.journal.snapshot;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.snapshot.StateReader;
import dev.peregrine.core.snapshot.StateWriter;
import dev.peregrine.core.testing.PerpetualProducts;
import dev.peregrine.journal.JournalWriter;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.ReplayResult;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A perpetual run's journal (format 5: marks and funding settlements between the swinging market's events, the
 * perpetual catalog in its header) replays to the live run's digest, state hash and funding; and an engine restored
 * from a snapshot taken half-way ends as the one that saw every event.
 */
class PerpetualJournalReplayTest
{
    /** BTCUSDT and ETHUSDT priced where the swinging market trades them (65,000 and 1,900), on its 0.01 tick. */
    private static final ProductCatalog CATALOG = new ProductCatalog(List.of(
        new Product("BTCUSDT", FixedPoint.SCALE / 100, FixedPoint.SCALE / 1000, 65_000 * FixedPoint.SCALE, 0, "TRADING")
            .withPerpetual(PerpetualProducts.BTC_TERMS),
        new Product("ETHUSDT", FixedPoint.SCALE / 100, FixedPoint.SCALE / 1000, 1_900 * FixedPoint.SCALE, 0, "TRADING")
            .withPerpetual(PerpetualProducts.ETH_TERMS)));
    private static final int EVENTS = 13 * 600;

    @TempDir
    Path dir;

    @Test
    void aPerpetualJournalReplaysToTheRunsDigestStateAndFunding()
    {
        final EngineSettings settings = EngineSettings.defaults(CATALOG, List.of("BTCUSDT", "ETHUSDT"), 1000).withMinHold(0)
            .withMargin(FixedPoint.parse("5000"), new long[]{FixedPoint.parse("5"), FixedPoint.parse("3")});
        final List<InboundEvent> events = events();

        final RecoverableEngine live = new RecoverableEngine(CATALOG, settings);
        try (JournalWriter writer = JournalWriter.open(dir, settings, CATALOG))
        {
            long sequence = 0;
            for (final InboundEvent e : events)
            {
                writer.onEvent(e, sequence, true);
                live.core().onEvent(e, sequence++, true);
            }
        }
        final double funding = live.core().perpetuals().funding().totalPaid();
        assertThat(live.metrics().fills.get()).as("fills").isGreaterThan(5);
        assertThat(live.core().perpetuals().funding().settlements()).isEqualTo(EVENTS / 1300 * 2);
        assertThat(funding).as("funding paid").isNotZero();
        // the ledger the summary reads heard every payment the core booked
        double ledgerFunding = 0;
        for (int s = 0; s < live.ledger().strategies(); s++)
        {
            for (int i = 0; i < 2; i++)
            {
                ledgerFunding += live.ledger().funding(s, i);
            }
        }
        assertThat(ledgerFunding).isCloseTo(funding, within(1e-9));

        final ReplayResult replay = Replay.run(CATALOG, dir);
        assertThat(replay.outputDigestHex()).isEqualTo(live.digest().hex());
        assertThat(replay.stateHashHex()).isEqualTo(Hash64.hex(live.core().stateHash()));
        assertThat(replay.settings().collateral()).isEqualTo(FixedPoint.parse("5000"));
    }

    @Test
    void anEngineRestoredFromASnapshotEndsAsTheOneThatSawEveryEvent()
    {
        final EngineSettings settings = EngineSettings.defaults(CATALOG, List.of("BTCUSDT", "ETHUSDT"), 1000).withMinHold(0)
            .withMargin(FixedPoint.parse("5000"), new long[]{FixedPoint.parse("5"), FixedPoint.parse("3")});
        final List<InboundEvent> events = events();
        final RecoverableEngine full = feed(new RecoverableEngine(CATALOG, settings), events, 0, events.size());
        final int cut = events.size() / 2 + 7;
        final RecoverableEngine before = feed(new RecoverableEngine(CATALOG, settings), events, 0, cut);

        final StateWriter writer = new StateWriter();
        final int length = writer.write(before.roots());
        final byte[] bytes = new byte[length];
        writer.buffer().getBytes(0, bytes);
        final RecoverableEngine after = new RecoverableEngine(CATALOG, settings);
        StateReader.read(new UnsafeBuffer(bytes), 0, length, after.roots());
        assertThat(after.core().stateHash()).isEqualTo(before.core().stateHash());
        feed(after, events, cut, events.size());

        assertThat(after.core().stateHash()).isEqualTo(full.core().stateHash());
        assertThat(after.digest().hex()).isEqualTo(full.digest().hex());
        assertThat(after.core().perpetuals().funding().totalPaid()).isEqualTo(full.core().perpetuals().funding().totalPaid());
        assertThat(after.core().perpetuals().account().marginBalance())
            .isEqualTo(full.core().perpetuals().account().marginBalance());
        assertThat(after.ledger().table(after.core()).lines()).isEqualTo(full.ledger().table(full.core()).lines());
    }

    private static RecoverableEngine feed(final RecoverableEngine engine, final List<InboundEvent> events, final int from,
        final int to)
    {
        final InboundEvent slot = new InboundEvent();
        for (int i = from; i < to; i++)
        {
            slot.copyInputsFrom(events.get(i));
            engine.core().onEvent(slot, i, true);
        }
        return engine;
    }

    /**
     * The swinging market, with a MARK_PRICE per product after each of its seconds (the last trade, as a mark) and
     * a FUNDING_SETTLEMENT per product every 100 seconds at 0.01%, negative every other time.
     */
    private static List<InboundEvent> events()
    {
        final SwingingMarket market = new SwingingMarket();
        final List<InboundEvent> events = new ArrayList<>();
        final long[] last = new long[2];
        int settlements = 0;
        for (int i = 0; i < EVENTS; i++)
        {
            final InboundEvent e = new InboundEvent();
            market.next(e);
            events.add(e);
            if (e.type == EventType.TRADE)
            {
                last[e.instrumentId] = e.price;
            }
            if (e.type == EventType.CLOCK)
            {
                for (int id = 0; id < 2; id++)
                {
                    events.add(perpetual(EventType.MARK_PRICE, id, last[id], 10_000, e.eventTimeNanos));
                }
                if ((i + 1) % 1300 == 0)
                {
                    final long rate = settlements++ % 2 == 0 ? 10_000 : -10_000;
                    for (int id = 0; id < 2; id++)
                    {
                        events.add(perpetual(EventType.FUNDING_SETTLEMENT, id, last[id], rate, e.eventTimeNanos));
                    }
                }
            }
        }
        return events;
    }

    private static InboundEvent perpetual(final int type, final int id, final long mark, final long rate, final long time)
    {
        final InboundEvent e = new InboundEvent();
        e.type = type;
        e.instrumentId = id;
        e.eventTimeNanos = time;
        e.exchangeTimeNanos = time - 1_000_000L;
        e.markPrice = mark;
        e.indexPrice = type == EventType.MARK_PRICE ? mark : 0;
        e.fundingRate = rate;
        return e;
    }
}
