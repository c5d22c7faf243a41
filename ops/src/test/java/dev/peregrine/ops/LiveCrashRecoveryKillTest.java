package dev.peregrine.ops;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.ReplayResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash recovery with real money's plumbing: a live engine in its own JVM sends market orders over real
 * sockets to a Coinbase venue emulator that lives in this JVM, and is killed with SIGKILL at twenty seeded
 * random moments, each restart recovering the journal and reconciling its open orders with the venue's
 * order list. Then a clean run ends it, and:
 * <ul>
 *   <li>its digest and state hash equal an uninterrupted replay of the journal (the same inputs);</li>
 *   <li>no client order id reached the venue twice (none sent twice);</li>
 *   <li>the engine's position in each product equals what the venue filled (no order lost: a fill made
 *       while the engine was dead is found and journaled, an order that died before it left is rejected).</li>
 * </ul>
 */
class LiveCrashRecoveryKillTest
{
    private static final String KEY_NAME = "organizations/peregrine-test/apiKeys/kill";
    private static final int KILLS = 20;
    private static final long SEED = 1123L;

    @TempDir
    Path temp;

    private Process engine(final CoinbaseVenueEmulator venue, final Path journal, final Path pem, final long seed,
        final long runMillis, final Path log) throws Exception
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final List<String> command = new ArrayList<>(List.of(java, "@" + CrashRecoveryKillTest.jvmOptions(), "-Xmx512m",
            "-cp", System.getProperty("java.class.path"), LiveEngineProcess.class.getName(),
            journal.toString(), Long.toString(seed), venue.baseUri().toString(), venue.userChannelUri().toString(), KEY_NAME,
            pem.toString(), Long.toString(runMillis)));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void killedTwentyTimesTheEngineLosesNoOrderSendsNoneTwiceAndAgreesWithTheVenue() throws Exception
    {
        final Path journal = temp.resolve("journal");
        final Random random = new Random(SEED);
        try (EmulatedCoinbase coinbase = EmulatedCoinbase.start(KEY_NAME))
        {
            final CoinbaseVenueEmulator venue = coinbase.venue();
            final Path pem = Files.writeString(temp.resolve("key.pem"), coinbase.privateKeyPem());
            venue.listPageSize(50);
            for (int kill = 0; kill < KILLS; kill++)
            {
                final Path log = temp.resolve("live-" + kill + ".log");
                final Process process = engine(venue, journal, pem, kill + 1, 60_000, log);
                final long delayMillis = kill % 4 == 0 ? 300 + random.nextInt(1200) : 1500 + random.nextInt(2500);
                assertThat(process.waitFor(delayMillis, TimeUnit.MILLISECONDS))
                    .as("run %d ended before its kill: %s", kill, Files.readString(log)).isFalse();
                process.destroyForcibly();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).isEqualTo(137);
            }
            assertThat(venue.orderCount()).as("orders the venue received across the kills").isPositive();

            final Path finalLog = temp.resolve("live-final.log");
            final Process last = engine(venue, journal, pem, 99, 4_000, finalLog);
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
            final String output = Files.readString(finalLog);
            assertThat(last.exitValue()).as("clean run: %s", output).isZero();

            final ReplayResult replay = Replay.run(VenueRegistry.standard().catalog(), journal);
            assertThat(replay.stateHashHex()).isEqualTo(value(output, "state-hash:"));
            assertThat(replay.outputDigestHex()).isEqualTo(value(output, "output-digest:"));

            final long lastOrderId = Long.parseLong(value(output, "orders "));
            final String prefix;
            try (JournalReader reader = JournalReader.open(journal))
            {
                prefix = "prg-" + Long.toHexString(reader.header().createdEpochNanos()) + "-";
            }
            for (long id = 1; id <= lastOrderId; id++)
            {
                assertThat(venue.createsFor(prefix + id)).as("creates of order %d", id).isLessThanOrEqualTo(1);
            }

            final List<String> engineOrders = new java.util.ArrayList<>();
            final TradingCore core = replayed(journal, engineOrders);
            for (final String product : List.of("BTC-USD", "ETH-USD"))
            {
                final int id = core.instruments().idOf(product);
                assertThat(new BigDecimal(FixedPoint.toString(core.positions().quantity(id))))
                    .as("the engine's %s position against the venue's fills\nvenue (client id, side, type, status, filled):\n%s" +
                        "\nengine (instrument %d is %s; outputs of the replayed journal):\n%s", product,
                        String.join("\n", venue.describeOrders(product)), id, product, String.join("\n", engineOrders))
                    .isEqualByComparingTo(new BigDecimal(venue.netFilled(product)));
            }
        }
    }

    /** The core after a replay of {@code journal}; its order outputs, one line each, go to {@code orders}. */
    private static TradingCore replayed(final Path journal, final List<String> orders)
    {
        try (JournalReader reader = JournalReader.open(journal))
        {
            final EngineSettings settings = EngineSettings.decode(reader.header().settingsText());
            final TradingCore core = CoreAssembly.build(VenueRegistry.standard().catalog(), settings, new dev.peregrine.core.output.OutputFanOut(new OutputDigest(),
                new OrderLines(orders)), new CoreMetrics(settings.products().size()), new TradingSwitch());
            Replay.feed(reader, core);
            return core;
        }
    }

    /** The replayed core's order outputs as text, for the failure message of a position mismatch. */
    private record OrderLines(List<String> lines) implements dev.peregrine.core.output.OutputListener
    {
        @Override
        public void onOrder(final long orderId, final int instrumentId, final int side,
            final dev.peregrine.core.order.OrderType type, final long quantity, final long limitPrice, final long timeNanos)
        {
            lines.add("#" + orderId + " i" + instrumentId + " ORDER " + dev.peregrine.core.event.Side.name(side) + " " +
                type + " " + FixedPoint.toString(quantity) + " t" + timeNanos);
        }

        @Override
        public void onAccepted(final long orderId, final int instrumentId, final long timeNanos)
        {
            lines.add("#" + orderId + " i" + instrumentId + " ACCEPTED");
        }

        @Override
        public void onCancelRequested(final long orderId, final int instrumentId, final long timeNanos)
        {
            lines.add("#" + orderId + " i" + instrumentId + " CANCEL_REQUESTED");
        }

        @Override
        public void onReject(final long orderId, final int instrumentId, final int side, final long quantity,
            final dev.peregrine.core.risk.RejectReason reason, final long timeNanos)
        {
            lines.add("#" + orderId + " i" + instrumentId + " REJECT " + dev.peregrine.core.event.Side.name(side) + " " +
                FixedPoint.toString(quantity) + " " + reason.label());
        }

        @Override
        public void onFill(final long orderId, final int instrumentId, final int side, final long quantity,
            final long price, final double fee, final long timeNanos)
        {
            lines.add("#" + orderId + " i" + instrumentId + " FILL " + dev.peregrine.core.event.Side.name(side) + " " +
                FixedPoint.toString(quantity) + " @ " + FixedPoint.toString(price));
        }

        @Override
        public void onExpired(final long orderId, final int instrumentId, final long leavesQuantity, final long timeNanos)
        {
            lines.add("#" + orderId + " i" + instrumentId + " EXPIRED leaves " + FixedPoint.toString(leavesQuantity));
        }

        @Override
        public void onCancel(final long orderId, final int instrumentId, final long quantity, final long timeNanos)
        {
            lines.add("#" + orderId + " i" + instrumentId + " CANCELLED " + FixedPoint.toString(quantity));
        }
    }

    private static String value(final String output, final String prefix)
    {
        for (final String line : output.split("\n"))
        {
            if (line.startsWith(prefix))
            {
                return line.substring(prefix.length()).trim();
            }
        }
        throw new AssertionError("no '" + prefix + "' line in:\n" + output);
    }
}
