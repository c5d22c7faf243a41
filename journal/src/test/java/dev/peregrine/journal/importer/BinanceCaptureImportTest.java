package dev.peregrine.journal.importer;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.backtest.Backtest;
import dev.peregrine.journal.backtest.BacktestRequest;
import dev.peregrine.journal.backtest.BacktestResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real Binance BTCUSDT capture (../shared, MIT, see its README) rewritten as the trade archive
 * Binance publishes for the same trades (same id, price, quantity, time, buyer-maker flag), then
 * imported and backtested.
 */
class BinanceCaptureImportTest
{
    private static final String CAPTURE = "binance_spot_btcusdt_20240808.hftbacktest.gz";
    private static final Pattern TRADE = Pattern.compile(
        "\"t\":(\\d+),\"p\":\"([0-9.]+)\",\"q\":\"([0-9.]+)\",\"T\":(\\d+),\"m\":(true|false)");

    @TempDir
    Path dir;

    static Path archiveOf(final Path capture, final Path out) throws IOException
    {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(capture)),
            StandardCharsets.UTF_8)); Writer w = Files.newBufferedWriter(out))
        {
            String line;
            while ((line = in.readLine()) != null)
            {
                if (!line.contains("\"stream\":\"btcusdt@trade\""))
                {
                    continue;
                }
                final Matcher m = TRADE.matcher(line);
                if (m.find())
                {
                    final double quote = Double.parseDouble(m.group(2)) * Double.parseDouble(m.group(3));
                    w.write(m.group(1) + "," + m.group(2) + "," + m.group(3) + "," + String.format(java.util.Locale.ROOT, "%.8f", quote) +
                        "," + m.group(4) + "," + m.group(5) + ",true\n");
                }
            }
        }
        return out;
    }

    @Test
    void everyTradeOfTheCaptureImportsInOrderWithTheLiveSideConvention() throws IOException
    {
        final Path archive = archiveOf(ExternalResources.sharedDataFile(CAPTURE), dir.resolve("BTCUSDT-trades-2024-08-08.csv"));
        assertEquals(DataFormat.BINANCE_TRADES, FormatDetector.detect(archive));
        assertEquals("BTCUSDT", ProductNames.fromFileName(TestProducts.CATALOG, archive));
        long trades = 0;
        long quotes = 0;
        long previousId = -1;
        long buyMakers = 0;
        try (EventSource source = Importers.open(archive, DataFormat.BINANCE_TRADES, 0, FixedPoint.parse("0.01"), TimeWindow.ALL))
        {
            final InboundEvent e = new InboundEvent();
            long previousTime = Long.MIN_VALUE;
            while (source.next(e))
            {
                if (e.type == EventType.TRADE)
                {
                    trades++;
                    if (previousId >= 0)
                    {
                        assertEquals(previousId + 1, e.tradeId, "the capture's trade ids are contiguous");
                    }
                    previousId = e.tradeId;
                    buyMakers += e.side == Side.BUY ? 1 : 0;
                }
                quotes += e.type == EventType.QUOTE ? 1 : 0;
                assertEquals(true, e.eventTimeNanos >= previousTime);
                previousTime = e.eventTimeNanos;
            }
        }
        assertEquals(9_757, trades, "the README's count of btcusdt@trade messages");
        assertEquals(trades, quotes);
        Assumptions.assumeTrue(buyMakers > 0 && buyMakers < trades);
    }

    @Test
    void aBacktestOverTheArchiveReplaysToItsHashes() throws IOException
    {
        final Path archive = archiveOf(ExternalResources.sharedDataFile(CAPTURE), dir.resolve("BTCUSDT-trades-2024-08-08.csv"));
        final BacktestResult result = Backtest.run(Backtest.plan(new BacktestRequest(TestProducts.CATALOG, archive, null, null,
            StrategySpec.parse("trend-following:bar=10s,fast=3,slow=8", "tf"), TimeWindow.ALL, 1000, PaperVenueSettings.DEFAULT)),
            dir.resolve("journal"), null, null);
        assertEquals(2 * 9_757 + result.clocks(), result.events());
        assertEquals(result.outputDigestHex(), Replay.run(TestProducts.CATALOG, result.journal()).outputDigestHex());
        assertEquals(result.stateHashHex(), Replay.run(TestProducts.CATALOG, result.journal()).stateHashHex());
    }
}
