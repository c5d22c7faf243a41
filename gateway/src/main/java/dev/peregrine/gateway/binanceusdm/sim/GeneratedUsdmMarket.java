package dev.peregrine.gateway.binanceusdm.sim;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.sim.binance.BinanceMarketListener;
import dev.peregrine.gateway.sim.binance.BinanceMarketSource;
import dev.peregrine.gateway.sim.binance.BinanceMarketTape;
import dev.peregrine.gateway.sim.binance.BinanceSimSession;
import dev.peregrine.gateway.sim.binance.GeneratedBinanceMarket;
import io.netty.channel.EventLoop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A generated Binance USD-M market: the spot simulator's seeded random walk of books and trades
 * ({@link GeneratedBinanceMarket}, over the USD-M contracts' increments, its mid moving {@value #STEP_BPS} bp a move) in the futures shapes, plus marks and
 * funding. Its depth diffs carry the futures fields ({@code T} and {@code pu}, the previous diff's {@code u} on the
 * same stream: the generated diffs of a stream are contiguous, so it is {@code U - 1}, and a dropped diff breaks the
 * chain as a lost one does on the venue) and its REST snapshot {@code E} and {@code T}; trades go out as {@code aggTrade} (the exchange's
 * publisher) and {@code bookTicker} as spot's. Once a second each contract's {@link MarkProcess} steps and
 * {@code <sym>@markPrice@1s} goes out; funding is settled at each funding time of the configured interval. Event loop
 * only, except {@link #close()}.
 */
public final class GeneratedUsdmMarket implements BinanceMarketSource
{
    /**
     * The mid's move in basis points, rounded to whole ticks (BTCUSDT at 60,000 with tick 0.10: 12 ticks, 1.20 USDT):
     * about 0.9 bp a second, as a BTC perpetual moves, where one tick (0.2 bp at most) would leave a trend strategy
     * only its fees.
     */
    static final double STEP_BPS = 0.2;

    private final GeneratedBinanceMarket market;
    private final Map<String, MarkProcess> marks = new LinkedHashMap<>();
    private final Random random;
    private final ProductCatalog catalog;
    private final long fundingIntervalMillis;
    private final List<FundingRow> settled = new ArrayList<>();
    private BinanceMarketListener listener;
    private UsdmMarkListener markListener;
    private long seconds;

    /**
     * @param catalog               the contracts (increments, reference prices), e.g. {@code UsdmProducts.CATALOG}.
     * @param fundingIntervalMillis how often funding is settled: 8 hours as the venue, or seconds for a demo.
     */
    public GeneratedUsdmMarket(final List<String> symbols, final long seed, final ProductCatalog catalog,
        final long fundingIntervalMillis)
    {
        if (fundingIntervalMillis < 1_000)
        {
            throw new IllegalArgumentException("the funding interval must be at least 1 s (marks come once a second), was " +
                fundingIntervalMillis + " ms");
        }
        this.market = new GeneratedBinanceMarket(symbols, seed, catalog, STEP_BPS);
        this.random = new Random(seed ^ 0x5DEECE66DL);
        this.catalog = catalog;
        this.fundingIntervalMillis = fundingIntervalMillis;
    }

    /** Who hears of marks and funding (the trading API); before {@link #start}. */
    void markListener(final UsdmMarkListener listener)
    {
        this.markListener = listener;
    }

    @Override
    public void start(final EventLoop loop, final BinanceMarketListener listener)
    {
        this.listener = listener;
        final long now = System.currentTimeMillis();
        for (final String symbol : market.symbols())
        {
            final ProductCatalog.Product product = catalog.find(symbol);
            marks.put(symbol, new MarkProcess(symbol, product.priceIncrement(), product.referencePrice(),
                fundingIntervalMillis, now));
        }
        market.start(loop, new FuturesShapes());
        loop.scheduleAtFixedRate(this::everySecond, 1, 1, TimeUnit.SECONDS);
    }

    private void everySecond()
    {
        seconds++;
        final long now = System.currentTimeMillis();
        for (final MarkProcess process : marks.values())
        {
            settled.clear();
            process.step(now, random, settled);
            final String event = process.event(now);
            final String lower = process.symbol.toLowerCase(Locale.ROOT);
            listener.publish(lower + "@markPrice@1s", event);
            if (seconds % 3 == 0)
            {
                listener.publish(lower + "@markPrice", event); // the stream without a speed: every 3 s
            }
            if (markListener != null)
            {
                markListener.onMark(process.symbol, process.mark(), process.announcedRate(), process.nextFundingMillis());
            }
        }
    }

    /** The contract's mark process, or null; for the REST answers. */
    MarkProcess marks(final String symbol)
    {
        return marks.get(symbol);
    }

    List<MarkProcess> allMarks()
    {
        return new ArrayList<>(marks.values());
    }

    ProductCatalog catalog()
    {
        return catalog;
    }

    @Override
    public void onSession(final BinanceSimSession session)
    {
        market.onSession(session);
    }

    @Override
    public void onSessionClosed(final BinanceSimSession session)
    {
        market.onSessionClosed(session);
    }

    /** The {@code GET /fapi/v1/depth} body: spot's snapshot with the futures {@code E} and {@code T}. */
    @Override
    public String snapshot(final String symbol, final int limit)
    {
        final String spot = market.snapshot(symbol, limit);
        if (spot == null)
        {
            return null;
        }
        final long now = System.currentTimeMillis();
        final int afterId = spot.indexOf(',');
        return spot.substring(0, afterId) + ",\"E\":" + now + ",\"T\":" + now + spot.substring(afterId);
    }

    @Override
    public List<String> symbols()
    {
        return market.symbols();
    }

    @Override
    public void dropNextDepthDiff()
    {
        market.dropNextDepthDiff();
    }

    /**
     * Passes the spot market's events on in the futures shapes: a depth diff gains {@code "T"} and {@code "pu"} after
     * its {@code "u"}; the raw {@code @trade} stream, which USD-M does not offer, is not sent.
     */
    private final class FuturesShapes implements BinanceMarketListener
    {
        @Override
        public void publish(final String stream, final String data)
        {
            if (stream.endsWith("@trade"))
            {
                return;
            }
            if (stream.contains("@depth"))
            {
                listener.publish(stream, withPreviousId(data));
                return;
            }
            listener.publish(stream, data);
        }

        @Override
        public void onTrade(final String symbol, final BinanceMarketTape.Trade trade)
        {
            final MarkProcess process = marks.get(symbol);
            if (process != null)
            {
                process.onTrade(dev.peregrine.core.number.FixedPoint.fromDouble(trade.price().doubleValue()));
            }
            listener.onTrade(symbol, trade);
        }

        @Override
        public void onBook(final String symbol, final long updateId, final BigDecimal bid, final BigDecimal bidQuantity,
            final BigDecimal ask, final BigDecimal askQuantity)
        {
            listener.onBook(symbol, updateId, bid, bidQuantity, ask, askQuantity);
        }

        /** {@code ..."U":<U>,"u":<u>,...} becomes {@code ..."U":<U>,"u":<u>,"T":<E>,"pu":<U - 1>,...}. */
        private String withPreviousId(final String diff)
        {
            final int first = diff.indexOf("\"U\":") + 4;
            final int lastEnd = diff.indexOf(',', diff.indexOf("\"u\":"));
            final int time = diff.indexOf("\"E\":") + 4;
            final long firstId = Long.parseLong(diff.substring(first, diff.indexOf(',', first)));
            return diff.substring(0, lastEnd) + ",\"T\":" + diff.substring(time, diff.indexOf(',', time)) + ",\"pu\":" +
                (firstId - 1) + diff.substring(lastEnd);
        }
    }
}
