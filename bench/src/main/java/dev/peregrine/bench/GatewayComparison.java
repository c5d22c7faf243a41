package dev.peregrine.bench;

import dev.peregrine.bench.book.BookBenchmark;
import dev.peregrine.bench.book.Level2Stream;
import dev.peregrine.bench.capture.CoinbaseCapture;
import dev.peregrine.bench.decode.DecoderBenchmark;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs {@link DecoderBenchmark} and {@link BookBenchmark} in one JMH run, with the same forks and
 * iterations for every benchmark, and prints each against its baseline: decoders against Jackson
 * streaming (ns and bytes per frame), books against {@code TreeMap} (ns and bytes per level update).
 *
 * <pre>
 *   java @jvm.options -cp bench/target/benchmarks.jar dev.peregrine.bench.GatewayComparison \
 *       [--forks 1] [--warmup 3] [--iterations 5] [--time 1] [--data ../shared/data/real] [--no-gc]
 * </pre>
 *
 * <p>As with {@link HandoffComparison}, the forks inherit this JVM's arguments: start it with
 * {@code @jvm.options}.
 */
public final class GatewayComparison
{
    private static final String[] FRAMES =
        {"coinbaseTicker", "coinbaseTrades", "coinbaseLevel2", "binanceTrade", "binanceBookTicker"};
    private static final String[] DECODERS = {"peregrine", "jacksonStreaming", "jacksonTree"};

    private GatewayComparison()
    {
    }

    public static void main(final String[] args) throws RunnerException
    {
        int forks = 1;
        int warmup = 3;
        int iterations = 5;
        int seconds = 1;
        String data = "";
        boolean gc = true;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--forks": forks = Integer.parseInt(args[++i]); break;
                case "--warmup": warmup = Integer.parseInt(args[++i]); break;
                case "--iterations": iterations = Integer.parseInt(args[++i]); break;
                case "--time": seconds = Integer.parseInt(args[++i]); break;
                case "--data": data = args[++i]; break;
                case "--no-gc": gc = false; break;
                default: throw new IllegalArgumentException("unknown option " + args[i] +
                    "; known: --forks --warmup --iterations --time --data --no-gc");
            }
        }
        // Read here too, for the level count the per-update figures divide by; fails early if absent.
        final Level2Stream stream = Level2Stream.load(CoinbaseCapture.load(data), BookBenchmark.PRODUCT);

        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include("^" + Pattern.quote(DecoderBenchmark.class.getName()) + "\\.")
            .include("^" + Pattern.quote(BookBenchmark.class.getName()) + "\\.")
            .forks(forks)
            .warmupIterations(warmup)
            .warmupTime(TimeValue.seconds(seconds))
            .measurementIterations(iterations)
            .measurementTime(TimeValue.seconds(seconds))
            .param("sharedData", data);
        if (gc)
        {
            options.addProfiler(GCProfiler.class);
        }
        System.out.println("Fork JVM arguments (inherited from this JVM): " +
            ManagementFactory.getRuntimeMXBean().getInputArguments());
        final Collection<RunResult> results = new Runner(options.build()).run();

        // Decoders by frame and method ("coinbaseTicker_peregrine"), books by method.
        final Map<String, RunResult> byMethod = new LinkedHashMap<>();
        for (final RunResult result : results)
        {
            final String benchmark = result.getParams().getBenchmark();
            final String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            final String frame = result.getParams().getParam("frame");
            byMethod.put(frame == null ? method : frame + "_" + method, result);
        }
        line("");
        line("Gateway comparison: %d fork(s), %d x %d s warm-up, %d x %d s measurement; real captures",
            forks, warmup, seconds, iterations, seconds);
        printDecoders(byMethod);
        printBooks(byMethod, stream);
    }

    private static void printDecoders(final Map<String, RunResult> byMethod)
    {
        line("");
        line("Decoding one real frame into inbound events (ns/frame +- 99.9%% CI; B/frame from -prof gc)");
        line("  %-18s %-17s %12s %10s %10s %22s", "frame", "decoder", "ns/frame", "+-", "B/frame", "vs Jackson streaming");
        for (final String frame : FRAMES)
        {
            final RunResult streaming = byMethod.get(frame + "_jacksonStreaming");
            for (final String decoder : DECODERS)
            {
                final RunResult result = byMethod.get(frame + "_" + decoder);
                if (result == null)
                {
                    line("  %-18s %-17s %12s", frame, decoder,
                        "peregrine".equals(decoder) ? "not yet (see DecoderBenchmark)" : "not run");
                    continue;
                }
                final Result<?> time = result.getPrimaryResult();
                final String ratio = streaming == null || result == streaming ? "baseline" : String.format(Locale.ROOT,
                    "%.2fx %s", ratio(streaming, result), ratio(streaming, result) >= 1 ? "faster" : "slower");
                line("  %-18s %-17s %,12.1f %,10.1f %10s %22s", frame, decoder, time.getScore(), time.getScoreError(),
                    allocation(result, 1), ratio);
            }
        }
    }

    private static void printBooks(final Map<String, RunResult> byMethod, final Level2Stream stream)
    {
        final int levels = stream.updateLevels();
        line("");
        line("Book: real %s snapshot (%,d levels), then %,d update messages (%,d level updates) per pass, " +
            "best bid/ask read after each message", BookBenchmark.PRODUCT, stream.snapshotLevels(),
            stream.updateMessages(), levels);
        line("  %-16s %12s %14s %10s %14s %16s", "book", "us/pass", "ns/level upd", "+-", "B/level upd", "vs TreeMap");
        final RunResult treeMap = byMethod.get("treeMap");
        for (final String name : new String[] {"orderBook", "orderBookSortedOnly", "treeMap"})
        {
            final RunResult result = byMethod.get(name);
            if (result == null)
            {
                continue;
            }
            final Result<?> time = result.getPrimaryResult();
            final String ratio = treeMap == null || result == treeMap ? "baseline" :
                String.format(Locale.ROOT, "%.2fx faster", ratio(treeMap, result));
            line("  %-16s %,12.1f %,14.1f %,10.1f %14s %16s", name, time.getScore(),
                time.getScore() * 1_000.0 / levels, time.getScoreError() * 1_000.0 / levels,
                allocation(result, levels), ratio);
        }
    }

    /** How many times faster {@code candidate} is than {@code baseline} (time per op). */
    private static double ratio(final RunResult baseline, final RunResult candidate)
    {
        return baseline.getPrimaryResult().getScore() / candidate.getPrimaryResult().getScore();
    }

    private static String allocation(final RunResult result, final int perOp)
    {
        for (final Map.Entry<String, Result> entry : result.getSecondaryResults().entrySet())
        {
            if (entry.getKey().endsWith("gc.alloc.rate.norm"))
            {
                return String.format(Locale.ROOT, "%.2f", entry.getValue().getScore() / perOp);
            }
        }
        return "n/a";
    }

    private static void line(final String format, final Object... values)
    {
        System.out.println(String.format(Locale.ROOT, format, values));
    }
}
