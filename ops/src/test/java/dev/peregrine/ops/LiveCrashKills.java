package dev.peregrine.ops;

import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.ReplayResult;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SIGKILL tests' fixture, one per venue ({@link LiveCrashRecoveryKillTest}, {@link BinanceLiveCrashRecoveryKillTest}):
 * a live engine in its own JVM ({@link LiveEngineProcess}) sending orders to a venue emulator in the test's JVM, killed
 * at seeded random moments, then a clean run; and what is checked after: replay equals live, and the journal's
 * order ids and positions to set against what the venue saw.
 *
 * @param venue      the venue's name in the registry.
 * @param secretFile the API key's secret (Coinbase: the PEM; Binance: the HMAC secret or an Ed25519 PEM).
 */
record LiveCrashKills(String venue, URI rest, URI user, String apiKey, Path secretFile, Path journal, Path logs,
    List<String> products)
{
    /** Kills of an engine trading the venue's default products. */
    LiveCrashKills(final String venue, final URI rest, final URI user, final String apiKey, final Path secretFile,
        final Path journal, final Path logs)
    {
        this(venue, rest, user, apiKey, secretFile, journal, logs, List.of());
    }

    Process engine(final long seed, final long runMillis, final Path log) throws Exception
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final List<String> command = new ArrayList<>(List.of(java, "@" + CrashRecoveryKillTest.jvmOptions(), "-Xmx512m",
            "-cp", System.getProperty("java.class.path"), LiveEngineProcess.class.getName(),
            journal.toString(), Long.toString(seed), rest.toString(), user.toString(), apiKey, secretFile.toString(),
            Long.toString(runMillis), venue));
        command.addAll(products);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * {@code kills} runs, each SIGKILLed after a seeded random delay (some early, most after orders went out); the
     * first only once {@code firstRunTrading} holds (a market whose first orders take a while, a slow start-up).
     */
    void killRepeatedly(final int kills, final long seed, final BooleanSupplier firstRunTrading) throws Exception
    {
        final Random random = new Random(seed);
        for (int kill = 0; kill < kills; kill++)
        {
            final Path log = logs.resolve("live-" + kill + ".log");
            final Process process = engine(kill + 1, 120_000, log);
            if (kill == 0)
            {
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (!firstRunTrading.getAsBoolean() && process.isAlive() && System.nanoTime() < deadline)
                {
                    process.waitFor(50, TimeUnit.MILLISECONDS);
                }
                assertThat(firstRunTrading.getAsBoolean()).as("the first run trades: %s", Files.readString(log)).isTrue();
            }
            final long delayMillis = kill % 4 == 0 ? 300 + random.nextInt(1200) : 1500 + random.nextInt(2500);
            assertThat(process.waitFor(delayMillis, TimeUnit.MILLISECONDS))
                .as("run %d ended before its kill: %s", kill, Files.readString(log)).isFalse();
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(137);
        }
    }

    /** A run that ends by itself after {@code runMillis}; its output, once it exited 0. */
    String cleanRun(final long runMillis) throws Exception
    {
        final Path log = logs.resolve("live-final.log");
        final Process last = engine(99, runMillis, log);
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        final String output = Files.readString(log);
        assertThat(last.exitValue()).as("clean run: %s", output).isZero();
        return output;
    }

    /** The clean run's digest and state hash equal an uninterrupted replay of the journal. */
    void replayEqualsLive(final String output)
    {
        final ReplayResult replay = Replay.run(VenueRegistry.standard().catalog(venue), journal);
        assertThat(replay.stateHashHex()).isEqualTo(value(output, "state-hash:"));
        assertThat(replay.outputDigestHex()).isEqualTo(value(output, "output-digest:"));
    }

    /** Every client order id the engine may have used: its journal's prefix and each order id up to the last. */
    List<String> clientOrderIds(final String output)
    {
        final long lastOrderId = Long.parseLong(value(output, "orders "));
        final String prefix;
        try (JournalReader reader = JournalReader.open(journal))
        {
            prefix = "prg-" + Long.toHexString(reader.header().createdEpochNanos()) + "-";
        }
        final List<String> ids = new ArrayList<>();
        for (long id = 1; id <= lastOrderId; id++)
        {
            ids.add(prefix + id);
        }
        return ids;
    }

    /** The core after a replay of the journal; its order outputs, one line each, go to {@code orders}. */
    TradingCore replayed(final List<String> orders)
    {
        try (JournalReader reader = JournalReader.open(journal))
        {
            final EngineSettings settings = EngineSettings.decode(reader.header().settingsText());
            final TradingCore core = CoreAssembly.build(VenueRegistry.standard().catalog(venue), settings,
                new dev.peregrine.core.output.OutputFanOut(new OutputDigest(), new OrderLines(orders)),
                new CoreMetrics(settings.products().size()), new TradingSwitch());
            Replay.feed(reader, core);
            return core;
        }
    }

    /** The engine's position in {@code product} after a replay of the journal, as a decimal. */
    static String position(final TradingCore core, final String product)
    {
        return FixedPoint.toString(core.positions().quantity(core.instruments().idOf(product)));
    }

    static String value(final String output, final String prefix)
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
}
