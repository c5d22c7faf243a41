package dev.peregrine.gateway.venue;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code peregrine sim} asks of a {@link Venue#simulator}: the market to serve, where to listen and which
 * key to accept.
 *
 * @param capture         a capture to replay instead of a generated market, or null.
 * @param products        the products served (those of the capture when replaying).
 * @param bind            the address both ports listen on.
 * @param marketDataPort  the market-data WebSocket port; 0 picks a free one.
 * @param seed            the seed of the generated market's random walks.
 * @param tradesPerSecond trades generated per product per second.
 * @param keyName         the name signed requests must carry.
 * @param publicKeyFile   the public half of the engine's key, or null to make (or reuse) a throwaway key.
 * @param credentialsDir  where a throwaway key is written or reused from.
 * @param advertisedHost  the host the URLs name, and that signed requests must name as the REST host.
 * @param keyAlgorithm    the kind of throwaway key to make ({@code --key-algorithm}, as the venue spells it: Coinbase
 *                        {@code ed25519} or {@code ecdsa}), or null for the venue's default.
 */
public record SimulatorSettings(ReplayCapture capture, List<String> products, String bind, int marketDataPort,
    long seed, int tradesPerSecond, String keyName, Path publicKeyFile, Path credentialsDir, String advertisedHost,
    String keyAlgorithm)
{
    public SimulatorSettings
    {
        products = List.copyOf(products);
    }
}
