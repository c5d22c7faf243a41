package dev.peregrine.journal.importer;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;

import java.nio.file.Path;

/**
 * A perpetual's trades or candles with its marks and funding settlements merged in by time, as the live feed
 * would have delivered them: each mark-price kline ({@link BinanceMarkPriceKlines}) becomes a
 * {@link EventType#MARK_PRICE} event at its close time, each funding row ({@link BinanceFundingRates}) a
 * {@link EventType#FUNDING_SETTLEMENT} event at its settlement time.
 *
 * <p>What each event carries, and why:
 * <ul>
 *   <li>MARK_PRICE: {@code markPrice} = the kline's close; {@code indexPrice} = 0 (unknown: the mark archive has
 *       no index); {@code fundingRate} = the rate of the last settlement at or before it (0 before the first):
 *       the archives hold only settled rates, and the next one would be a look into the future;
 *       {@code nextFundingTimeNanos} = the next settlement's time in the funding file (the schedule is public in
 *       advance), else 0.</li>
 *   <li>FUNDING_SETTLEMENT: {@code fundingRate} = the settled rate; {@code markPrice} = the last mark at or before
 *       it (Binance settles on the mark: funding = position notional at mark x rate), or the last trade price or
 *       candle close when no marks file is given; {@code fee} = 0, so the core computes each position's payment
 *       from the position it holds then; {@code nextFundingTimeNanos} = the following settlement's time, or this
 *       one's plus its interval.</li>
 * </ul>
 * At equal times a mark comes first, then a settlement, then the data event: the settlement uses the mark of its
 * instant, as the venue's does. Marks and settlements are fed over the data's span only: those before the first
 * data event update the remembered mark and rate without being fed, and none is fed after the last data event
 * (a month of funding over a day of trades charges that day's funding).
 *
 * <p>One held slot, copied field by field; the two small files are read whole at open: no allocation per event.
 */
public final class PerpetualEvents implements EventSource
{
    private final EventSource data;
    private final BinanceMarkPriceKlines marks;
    private final BinanceFundingRates funding;
    private final int instrumentId;
    private final InboundEvent held = new InboundEvent();
    private boolean holding;
    private boolean started;
    private long firstDataTime;
    private int nextMark;
    private int nextFunding;
    private long lastMark;
    private long lastRate;
    private long lastDataPrice;
    private long marksFed;
    private long settlementsFed;

    /**
     * @param marks   may be null
     * @param funding may be null
     */
    public PerpetualEvents(final EventSource data, final BinanceMarkPriceKlines marks, final BinanceFundingRates funding,
        final int instrumentId)
    {
        this.data = data;
        this.marks = marks;
        this.funding = funding;
        this.instrumentId = instrumentId;
    }

    /**
     * Reads the mark and funding files (either may be null) and merges them into {@code data}.
     *
     * @throws ImportException naming the file, line and field of the first bad row
     */
    public static PerpetualEvents open(final EventSource data, final Path marksFile, final Path fundingFile,
        final int instrumentId)
    {
        return new PerpetualEvents(data, marksFile == null ? null : readMarks(marksFile),
            fundingFile == null ? null : readFunding(fundingFile), instrumentId);
    }

    private static BinanceMarkPriceKlines readMarks(final Path path)
    {
        try (InputFile file = InputFile.open(path))
        {
            return BinanceMarkPriceKlines.read(file);
        }
    }

    private static BinanceFundingRates readFunding(final Path path)
    {
        try (InputFile file = InputFile.open(path))
        {
            return BinanceFundingRates.read(file);
        }
    }

    @Override
    public boolean next(final InboundEvent into)
    {
        if (!holding)
        {
            if (!data.next(held))
            {
                return false;
            }
            holding = true;
            if (!started)
            {
                started = true;
                firstDataTime = held.eventTimeNanos;
            }
        }
        final long dataTime = held.eventTimeNanos;
        while (true)
        {
            final long markTime = marks != null && nextMark < marks.size() ? marks.timeNanos(nextMark) : Long.MAX_VALUE;
            final long fundingTime = funding != null && nextFunding < funding.size() ? funding.timeNanos(nextFunding)
                : Long.MAX_VALUE;
            if (markTime <= dataTime && markTime <= fundingTime)
            {
                lastMark = marks.markPrice(nextMark++);
                if (markTime >= firstDataTime)
                {
                    mark(into, markTime);
                    return true;
                }
            }
            else if (fundingTime <= dataTime)
            {
                final int i = nextFunding++;
                lastRate = funding.rate(i);
                if (fundingTime >= firstDataTime)
                {
                    settlement(into, i);
                    return true;
                }
            }
            else
            {
                break;
            }
        }
        into.copyInputsFrom(held);
        holding = false;
        if (held.type == EventType.TRADE)
        {
            lastDataPrice = held.price;
        }
        else if (held.type == EventType.CANDLE)
        {
            lastDataPrice = held.close;
        }
        return true;
    }

    private void mark(final InboundEvent into, final long time)
    {
        into.clearInputs();
        into.type = EventType.MARK_PRICE;
        into.instrumentId = instrumentId;
        into.eventTimeNanos = time;
        into.exchangeTimeNanos = time;
        into.markPrice = lastMark;
        into.indexPrice = 0;
        into.fundingRate = lastRate;
        into.nextFundingTimeNanos = funding != null && nextFunding < funding.size() ? funding.timeNanos(nextFunding) : 0;
        marksFed++;
    }

    private void settlement(final InboundEvent into, final int i)
    {
        final long time = funding.timeNanos(i);
        into.clearInputs();
        into.type = EventType.FUNDING_SETTLEMENT;
        into.instrumentId = instrumentId;
        into.eventTimeNanos = time;
        into.exchangeTimeNanos = time;
        into.fundingRate = funding.rate(i);
        into.markPrice = lastMark > 0 ? lastMark : lastDataPrice;
        into.fee = 0;
        into.nextFundingTimeNanos = i + 1 < funding.size() ? funding.timeNanos(i + 1)
            : time + funding.intervalHours(i) * 3_600_000_000_000L;
        settlementsFed++;
    }

    /** MARK_PRICE events fed so far. */
    public long marksFed()
    {
        return marksFed;
    }

    /** FUNDING_SETTLEMENT events fed so far. */
    public long settlementsFed()
    {
        return settlementsFed;
    }

    @Override
    public double progress()
    {
        return data.progress();
    }

    @Override
    public void close()
    {
        data.close();
    }
}
