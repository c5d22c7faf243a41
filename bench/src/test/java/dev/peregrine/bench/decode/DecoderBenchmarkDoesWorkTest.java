package dev.peregrine.bench.decode;

import dev.peregrine.bench.capture.RealCaptures;
import dev.peregrine.core.testing.ExternalResources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every frame of {@link DecoderBenchmark} decodes to events in each of its three methods, and all three read the
 * same values from them (same checksum), call after call: the figures compare the same work.
 */
class DecoderBenchmarkDoesWorkTest
{
    @ParameterizedTest
    @ValueSource(strings = {"coinbaseTicker", "coinbaseTrades", "coinbaseLevel2", "binanceTrade", "binanceBookTicker"})
    void everyDecoderDoesTheSameWorkOnTheFrame(final String frame) throws Exception
    {
        final DecoderBenchmark benchmark = new DecoderBenchmark();
        benchmark.frame = frame;
        benchmark.sharedData = ExternalResources.sharedDataFile(frame.startsWith("coinbase") ? RealCaptures.COINBASE :
            RealCaptures.BINANCE).getParent().toString();
        benchmark.setUp();

        final long streaming = benchmark.jacksonStreaming();
        assertThat(streaming).isNotZero();
        assertThat(benchmark.jacksonTree()).isEqualTo(streaming);
        for (int call = 0; call < 3; call++)
        {
            assertThat(benchmark.peregrine()).as("Peregrine, call %d", call).isEqualTo(streaming);
        }
    }
}
