package dev.peregrine.ops;

import dev.peregrine.gateway.venue.VenueRegistry;
import com.lmax.disruptor.BlockingWaitStrategy;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.gateway.coinbase.CoinbaseDemoExchange;
import dev.peregrine.gateway.coinbase.CoinbaseLiveVenue;
import dev.peregrine.ops.engine.LiveEngine;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The live tests' Coinbase: the venue emulator on loopback, checking JWTs of a fresh P-256 key, filling at
 * 65000 (BTC-USD) and 1900 (ETH-USD); and live venues that sign with that key.
 */
record EmulatedCoinbase(CoinbaseVenueEmulator venue, String keyName, KeyPair keys) implements AutoCloseable
{
    static EmulatedCoinbase start(final String keyName) throws Exception
    {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        final KeyPair keys = generator.generateKeyPair();
        final CoinbaseVenueEmulator venue = new CoinbaseVenueEmulator((ECPublicKey)keys.getPublic(), keyName, "127.0.0.1").start();
        venue.fillPrice("BTC-USD", "65000");
        venue.fillPrice("ETH-USD", "1900");
        return new EmulatedCoinbase(venue, keyName, keys);
    }

    /** The private key as PKCS#8 PEM, what an operator puts in the secret file. */
    String privateKeyPem()
    {
        return "-----BEGIN PRIVATE KEY-----\n" +
            Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded()) +
            "\n-----END PRIVATE KEY-----\n";
    }

    /** A new live venue (not started) sending orders to the emulator. */
    CoinbaseLiveVenue liveVenue()
    {
        return new CoinbaseLiveVenue(venue.baseUri(), "127.0.0.1", venue.userChannelUri(),
            CoinbaseCredentials.of(keyName, privateKeyPem(), "test"));
    }

    /**
     * A live engine on the paper-trading defaults for {@code products}, trading every cross (no minimum hold: these
     * tests need many orders in seconds), its market data from {@code market} and its orders to {@code live}.
     */
    static LiveEngine engine(final CoinbaseDemoExchange market, final List<String> products, final Path journal,
        final CoinbaseLiveVenue live)
    {
        final EngineSettings settings = EngineSettings.defaults(VenueRegistry.standard().catalog(), products, 1000).withLiveVenue(true).withMinHold(0);
        return new LiveEngine(settings, market.feed(products), journal, 4096, new BlockingWaitStrategy(), 1000, live);
    }

    /** What a live test waits for while a session's engine runs. */
    interface WhileRunning
    {
        void await(LiveEngine engine) throws Exception;
    }

    /**
     * One live session: a market of {@code products} generated from {@code seed} at {@code tradesPerSecond}, the
     * engine {@code engineOf} builds on it started, {@code whileRunning} waiting for what the test needs, then the
     * engine stopped (also when the wait failed).
     */
    static LiveEngine session(final List<String> products, final long seed, final int tradesPerSecond,
        final Function<CoinbaseDemoExchange, LiveEngine> engineOf, final WhileRunning whileRunning) throws Exception
    {
        try (CoinbaseDemoExchange market = CoinbaseDemoExchange.generated(products, seed, tradesPerSecond))
        {
            market.start();
            final LiveEngine engine = engineOf.apply(market);
            engine.start();
            try
            {
                whileRunning.await(engine);
            }
            finally
            {
                engine.stop();
            }
            return engine;
        }
    }

    @Override
    public void close()
    {
        venue.close();
    }
}
