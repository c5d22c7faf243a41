package dev.peregrine.ops.assembly;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.engine.EngineSettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineOptionsTest
{
    private static EngineOptions demo()
    {
        return new EngineOptions().settings(EngineSettings.defaults(VenueRegistry.standard().catalog(), List.of("BTC-USD"), 1000)).journalDir(Path.of("j"));
    }

    @Test
    void concludeResolvesTheWaitStrategyAndBindAddressAndFreezesTheOptions()
    {
        final EngineOptions options = demo().waitStrategy("blocking").bindAddress("127.0.0.1").conclude();
        assertThat(options.waitStrategy()).isInstanceOf(com.lmax.disruptor.BlockingWaitStrategy.class);
        assertThat(options.bindInetAddress().isLoopbackAddress()).isTrue();
        assertThat(options.conclude()).as("idempotent").isSameAs(options);
        assertThatThrownBy(() -> options.ringSize(1024)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("concluded");
    }

    @Test
    void derivedOptionsNeedConclude()
    {
        assertThatThrownBy(() -> demo().waitStrategy()).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("conclude()");
    }

    @Test
    void anUnknownWaitStrategyIsRefusedWithTheNamesThatExist()
    {
        assertThatThrownBy(() -> demo().waitStrategy("spinning").conclude()).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unknown wait strategy 'spinning' (use one of: busy-spin, yielding, sleeping, blocking)");
    }

    @Test
    void liveSettingsNeedTheVenuesUrlsAndKey()
    {
        final EngineOptions live = new EngineOptions().journalDir(Path.of("j"))
            .settings(EngineSettings.defaults(VenueRegistry.standard().catalog(), List.of("BTC-USD"), 1000).withLiveVenue(true))
            .venue("coinbase", URI.create("wss://md.example"), null);
        assertThatThrownBy(live::conclude).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("live venue needs");
    }

    @Test
    void aDaemonHasAShutdownBoundTheDemoDoesNot()
    {
        assertThat(demo().isDaemon()).isFalse();
        final EngineOptions daemon = demo().daemon(Duration.ofSeconds(10), true);
        assertThat(daemon.isDaemon()).isTrue();
        assertThat(daemon.cancelOpenOrdersOnShutdown()).isTrue();
        assertThat(daemon.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void portsOutOfRangeAreRefused()
    {
        assertThatThrownBy(() -> demo().metricsPort(70_000).conclude()).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("metrics port 70000 is not a port number (0-65535)");
    }
}
