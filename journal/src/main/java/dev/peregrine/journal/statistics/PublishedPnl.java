package dev.peregrine.journal.statistics;

import dev.peregrine.core.metrics.SingleWriterGauge;

/**
 * {@link StrategyLedger}'s figures as single-writer gauges: written by the core thread on every change, read by
 * any thread (the admin API, the metrics scrape).
 */
final class PublishedPnl implements PnlFigures
{
    private final int strategies;
    private final int instruments;
    final SingleWriterGauge[] position;
    final SingleWriterGauge[] averagePrice;
    final SingleWriterGauge[] realized;
    final SingleWriterGauge[] fees;
    final SingleWriterGauge[] funding;
    final SingleWriterGauge[] orders;
    final SingleWriterGauge[] fills;
    final SingleWriterGauge[] rejects;

    PublishedPnl(final int strategies, final int instruments)
    {
        this.strategies = strategies;
        this.instruments = instruments;
        position = gauges(strategies * instruments);
        averagePrice = gauges(strategies * instruments);
        realized = gauges(strategies * instruments);
        fees = gauges(strategies * instruments);
        funding = gauges(strategies * instruments);
        orders = gauges(strategies * instruments);
        fills = gauges(strategies * instruments);
        rejects = gauges(strategies * instruments);
    }

    private static SingleWriterGauge[] gauges(final int n)
    {
        final SingleWriterGauge[] gauges = new SingleWriterGauge[n];
        for (int i = 0; i < n; i++)
        {
            gauges[i] = new SingleWriterGauge();
        }
        return gauges;
    }

    @Override
    public int strategies()
    {
        return strategies;
    }

    @Override
    public int instruments()
    {
        return instruments;
    }

    @Override
    public double position(final int strategy, final int instrument)
    {
        return position[strategy * instruments + instrument].get();
    }

    @Override
    public double averagePrice(final int strategy, final int instrument)
    {
        return averagePrice[strategy * instruments + instrument].get();
    }

    @Override
    public double realizedBeforeFees(final int strategy, final int instrument)
    {
        return realized[strategy * instruments + instrument].get();
    }

    @Override
    public double fees(final int strategy, final int instrument)
    {
        return fees[strategy * instruments + instrument].get();
    }

    @Override
    public double funding(final int strategy, final int instrument)
    {
        return funding[strategy * instruments + instrument].get();
    }

    @Override
    public long orders(final int strategy, final int instrument)
    {
        return (long)orders[strategy * instruments + instrument].get();
    }

    @Override
    public long fills(final int strategy, final int instrument)
    {
        return (long)fills[strategy * instruments + instrument].get();
    }

    @Override
    public long rejects(final int strategy, final int instrument)
    {
        return (long)rejects[strategy * instruments + instrument].get();
    }
}
