package dev.peregrine.gateway.binanceusdm.sim;

import dev.peregrine.core.number.FixedPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The mark, index and funding of one simulated perpetual, stepped once a second. The index follows the simulated
 * trades (a fifth of the way to the last trade price each second, as a spot index lags the contract); the premium is
 * a seeded random walk within +-0.3%; the mark is the index times one plus the premium, on the tick. The funding rate
 * follows Binance's documented formula, {@code F = P + clamp(I - P, -0.05%, 0.05%)} with interest {@code I = 0.01%}
 * per interval and {@code P} the average premium since the last funding, capped at +-0.75%. At each funding time
 * (multiples of the interval since the epoch, as 00:00/08:00/16:00 UTC are of 8 hours) the rate last announced is
 * settled and kept in the history. Event loop only.
 */
final class MarkProcess
{
    private static final double INTEREST = 0.0001;
    private static final double CLAMP = 0.0005;
    private static final double CAP = 0.0075;
    private static final double PREMIUM_LIMIT = 0.003;
    private static final double PREMIUM_STEP = 0.0001;

    final String symbol;
    private final long tick;
    private final long intervalMillis;
    private final List<FundingRow> history = new ArrayList<>();
    private long lastPrice;
    private long index;
    private long mark;
    private double premium;
    private double premiumSum;
    private int premiumCount;
    private long announcedRate = FixedPoint.fromDouble(INTEREST);
    private long nextFundingMillis;

    MarkProcess(final String symbol, final long tick, final long referencePrice, final long intervalMillis,
        final long nowMillis)
    {
        this.symbol = symbol;
        this.tick = tick;
        this.intervalMillis = intervalMillis;
        this.lastPrice = referencePrice;
        this.index = referencePrice;
        this.mark = referencePrice;
        this.nextFundingMillis = (Math.floorDiv(nowMillis, intervalMillis) + 1) * intervalMillis;
    }

    void onTrade(final long price)
    {
        lastPrice = price;
    }

    /**
     * One second: moves index, premium and mark, settles every funding time that passed (oldest first, each to
     * {@code settled}), and announces the rate for the next one.
     */
    void step(final long nowMillis, final Random random, final List<FundingRow> settled)
    {
        index += (lastPrice - index) / 5;
        premium = Math.max(-PREMIUM_LIMIT, Math.min(PREMIUM_LIMIT, premium + (random.nextInt(3) - 1) * PREMIUM_STEP));
        mark = Math.max(tick, FixedPoint.floorToIncrement(FixedPoint.fromDouble(FixedPoint.toDouble(index) * (1 + premium)),
            tick));
        premiumSum += premium;
        premiumCount++;
        while (nowMillis >= nextFundingMillis)
        {
            final FundingRow row = new FundingRow(symbol, nextFundingMillis, announcedRate, mark);
            history.add(row);
            settled.add(row);
            nextFundingMillis += intervalMillis;
            premiumSum = premium;
            premiumCount = 1;
        }
        final double average = premiumSum / premiumCount;
        final double rate = average + Math.max(-CLAMP, Math.min(CLAMP, INTEREST - average));
        announcedRate = FixedPoint.fromDouble(Math.max(-CAP, Math.min(CAP, rate)));
    }

    /** The {@code <symbol>@markPrice@1s} event at {@code nowMillis}. */
    String event(final long nowMillis)
    {
        return "{\"e\":\"markPriceUpdate\",\"E\":" + nowMillis + ",\"s\":\"" + symbol + "\",\"p\":\"" +
            FixedPoint.toString(mark) + "\",\"i\":\"" + FixedPoint.toString(index) + "\",\"P\":\"" +
            FixedPoint.toString(mark) + "\",\"r\":\"" + FixedPoint.toString(announcedRate) + "\",\"T\":" +
            nextFundingMillis + "}";
    }

    long mark()
    {
        return mark;
    }

    long index()
    {
        return index;
    }

    long announcedRate()
    {
        return announcedRate;
    }

    long nextFundingMillis()
    {
        return nextFundingMillis;
    }

    List<FundingRow> history()
    {
        return history;
    }
}
