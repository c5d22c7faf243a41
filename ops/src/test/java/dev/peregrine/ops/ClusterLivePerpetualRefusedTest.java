package dev.peregrine.ops;

import dev.peregrine.cluster.ClusterMembers;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.ops.assembly.ClusterMember;
import dev.peregrine.ops.assembly.EngineOptions;
import dev.peregrine.ops.cli.UsageException;
import dev.peregrine.ops.config.ClusterConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A live cluster member asked to trade a perpetual is refused before it binds a port or joins the cluster, naming the
 * product: the leader's order path does not yet carry the leverage, margin type and positions a single live engine
 * hands a perpetual venue.
 */
class ClusterLivePerpetualRefusedTest
{
    @TempDir
    Path temp;

    @Test
    void aLivePerpetualInClusterModeIsRefusedWithOneLine() throws Exception
    {
        final ProductCatalog catalog = VenueRegistry.standard().catalog("coinbase");
        final EngineSettings settings = EngineSettings.defaults(catalog, List.of("BTC-PERP-INTX"), 500).withLiveVenue(true);
        final EngineOptions options = new EngineOptions()
            .label("run")
            .settings(settings)
            .journalDir(Files.createDirectories(temp.resolve("journal")))
            .bindAddress("127.0.0.1")
            .metricsPort(0)
            .healthPort(0)
            .venue("coinbase", java.net.URI.create("ws://127.0.0.1:1/"), java.net.URI.create("http://127.0.0.1:1/"))
            .liveVenue(java.net.URI.create("ws://127.0.0.1:1/user"), "organizations/test/apiKeys/perp", "not read: refused first")
            .catalog(catalog)
            .adminToken("a-test-token-of-enough-length-0123456789", "the test");
        final ClusterConfig cluster = new ClusterConfig(new ClusterMembers(List.of("127.0.0.1"), 29_680), 0,
            temp.resolve("cluster"), temp.resolve("aeron").toString(), Duration.ofSeconds(2), Duration.ofSeconds(1),
            Duration.ofMinutes(5), List.of());

        assertThatThrownBy(() -> ClusterMember.start(options, cluster, line -> { }))
            .isInstanceOf(UsageException.class)
            .hasMessageContaining("BTC-PERP-INTX is a perpetual")
            .hasMessageContaining("paper only");
    }
}
