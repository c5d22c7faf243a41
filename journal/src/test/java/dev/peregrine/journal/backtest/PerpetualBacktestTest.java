package dev.peregrine.journal.backtest;

import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.instrument.MarginTier;
import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.OutputAdapter;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.ReplayResult;
import dev.peregrine.journal.importer.ImportException;
import dev.peregrine.journal.importer.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backtest of a perpetual over generated trades, mark-price klines and funding rates, in Binance's archive
 * formats: the funding the run pays is checked against the venue's formula worked out by hand.
 */
class PerpetualBacktestTest
{
    /** BTCUSDT as a Binance USD-M perpetual (contract size 1, one bracket at 0.4 %), and a spot product. */
    static final ProductCatalog CATALOG = new ProductCatalog(List.of(
        new Product("BTCUSDT", d("0.1"), d("0.001"), d("50000"), d("5"), "TRADING").withPerpetual(new PerpetualTerms(
            FixedPoint.SCALE, d("125"), List.of(MarginTier.single(d("125"), d("0.004"))), PerpetualTerms.EIGHT_HOURS_NANOS,
            "USDT")),
        new Product("BTC-USD", d("0.01"), d("0.00000001"), d("50000"))));

    /** 2024-01-01T00:00:00Z, epoch milliseconds. */
    static final long T0_MS = 1_704_067_200_000L;

    /**
     * trend-following on 1-minute bars, fast 1 / slow 2: closes 50000, 50000, 49000, 51000 make the first cross up
     * at the close of the fourth bar (00:04): a buy of 0.1; from there every close rises, so it holds to the end.
     */
    static final String STRATEGY = "trend-following:bar=1m,fast=1,slow=2,quantity=0.1";

    @TempDir
    Path dir;

    /** Trades every 10 s for 40 minutes, 5 BTC each (a 0.1 market order fills at the touch). */
    static Path trades(final Path dir) throws IOException
    {
        final StringBuilder sb = new StringBuilder("timestamp,price,quantity\n");
        for (int s = 0; s < 40 * 60; s += 10)
        {
            final int minute = s / 60;
            final int price = minute < 2 ? 50_000 : minute == 2 ? 49_000 : 51_000 + 10 * (minute - 3);
            sb.append(T0_MS + s * 1000L).append(',').append(price).append(",5\n");
        }
        return Files.writeString(dir.resolve("BTCUSDT-trades-2024-01-01.csv"), sb.toString());
    }

    /** Three 1m mark klines, each ending just before a settlement (klines need not be contiguous). */
    static Path marks(final Path dir) throws IOException
    {
        return Files.writeString(dir.resolve("BTCUSDT-1m-2024-01-01.csv"),
            "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\n" +
            kline(9, "51100.5") + kline(19, "51200") + kline(29, "51300"));
    }

    private static String kline(final int minute, final String close)
    {
        final long open = T0_MS + minute * 60_000L;
        return open + "," + close + "," + close + "," + close + "," + close + ",0," + (open + 59_999) + ",0,0,0,0,0\n";
    }

    /** Settlements at 00:02 (flat then), 00:10, 00:20 and 00:30, and one at 01:00, after the data. */
    static Path funding(final Path dir) throws IOException
    {
        return Files.writeString(dir.resolve("BTCUSDT-fundingRate-2024-01.csv"),
            "calc_time,funding_interval_hours,last_funding_rate\n" +
            (T0_MS + 2 * 60_000) + ",8,0.0005\n" +
            (T0_MS + 10 * 60_000) + ",8,0.0001\n" +
            (T0_MS + 20 * 60_000) + ",8,-0.0002\n" +
            (T0_MS + 30 * 60_000) + ",8,0.0003\n" +
            (T0_MS + 60 * 60_000) + ",8,0.0100\n");
    }

    static BacktestRequest request(final Path data, final Path marks, final Path funding)
    {
        return new BacktestRequest(CATALOG, data, null, null, StrategySpec.parse(STRATEGY, "trend-following"),
            TimeWindow.ALL, 100_000, PaperVenueSettings.DEFAULT, new PerpetualInputs(marks, funding, 0, 0));
    }

    @Test
    void theFundingPaidIsTheVenuesFormulaOnThePositionHeldAtEachSettlement() throws IOException
    {
        final Funding funding = new Funding();
        final BacktestResult result = Backtest.run(Backtest.plan(request(trades(dir), marks(dir), funding(dir))),
            dir.resolve("journal"), null, funding);
        assertEquals(1, result.fills(), "one buy of 0.1 at the cross up, held: " + result);
        // Binance USD-M: funding = position size x mark price x funding rate; a long pays a positive rate.
        //   00:02  flat                                   =  0
        //   00:10  0.1 x 51100.5 x  0.0001 =  0.511005   (paid)
        //   00:20  0.1 x 51200   x -0.0002 = -1.024      (received)
        //   00:30  0.1 x 51300   x  0.0003 =  1.539      (paid)
        //   01:00  after the last trade (00:39:50): not fed
        //   total                          =  1.026005
        assertEquals(List.of("0.1 @ 51100.5 x 0.0001 = 0.511005", "0.1 @ 51200 x -0.0002 = -1.024",
            "0.1 @ 51300 x 0.0003 = 1.539"), funding.payments);
        assertEquals(1.026005, funding.total, 1e-9);
        assertTrue(result.assumptions().stream().anyMatch(a -> a.startsWith("funding: each row of " +
            "BTCUSDT-fundingRate-2024-01.csv is a FUNDING_SETTLEMENT event")), String.join("\n", result.assumptions()));

        // The journal holds the marks and settlements: its replay pays the same and ends in the same state.
        final Funding replayed = new Funding();
        final ReplayResult replay = Replay.run(CATALOG, result.journal(), replayed);
        assertEquals(result.outputDigestHex(), replay.outputDigestHex());
        assertEquals(result.stateHashHex(), replay.stateHashHex());
        assertEquals(funding.payments, replayed.payments);
    }

    @Test
    void perpetualInputsAreCheckedBeforeAnythingRuns() throws IOException
    {
        final Path data = trades(dir);
        final BacktestException missing = assertThrows(BacktestException.class,
            () -> Backtest.plan(request(data, dir.resolve("nope.csv"), dir)));
        assertEquals(List.of("--marks " + dir.resolve("nope.csv") + ": no such file", "--funding " + dir + ": is a folder"),
            missing.problems());

        final Path spot = Files.copy(data, dir.resolve("BTC-USD-trades.csv"));
        final BacktestException notPerpetual = assertThrows(BacktestException.class,
            () -> Backtest.plan(request(spot, null, funding(dir))));
        assertEquals(List.of("--funding BTCUSDT-fundingRate-2024-01.csv: the file name names product BTCUSDT, but the data " +
            "is BTC-USD", "--marks and --funding are for a perpetual product; 'BTC-USD' is spot in the catalog (choose the " +
            "venue that lists it as a perpetual, e.g. --venue binance-usdm)"), notPerpetual.problems());
    }

    @Test
    void aBadFundingRowStopsTheRunNamingFileLineAndFieldAndLeavesNoJournal() throws IOException
    {
        final Path bad = Files.writeString(dir.resolve("f.csv"), "calc_time,funding_interval_hours,last_funding_rate\n" +
            (T0_MS + 600_000) + ",8,0.0001\n" + (T0_MS + 1_200_000) + ",8,0.01%\n");
        final Path journal = dir.resolve("journal");
        final ImportException e = assertThrows(ImportException.class,
            () -> Backtest.run(Backtest.plan(request(trades(dir), null, bad)), journal, null, null));
        assertEquals(bad + ":3: last_funding_rate: '0.01%' is not a number", e.getMessage());
        assertFalse(Files.exists(journal));
    }

    private static long d(final String decimal)
    {
        return FixedPoint.parseOrThrow("fixture", decimal);
    }

    /** Hears the funding outputs only. */
    private static final class Funding extends OutputAdapter
    {
        final List<String> payments = new ArrayList<>();
        double total;

        @Override
        public void onFunding(final int strategyId, final int instrumentId, final long contracts, final long markPrice,
            final long fundingRate, final double payment, final long timeNanos)
        {
            payments.add(FixedPoint.toString(contracts) + " @ " + FixedPoint.toString(markPrice) + " x " +
                FixedPoint.toString(fundingRate) + " = " + new java.math.BigDecimal(payment).setScale(8,
                java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString());
            total += payment;
        }
    }
}
