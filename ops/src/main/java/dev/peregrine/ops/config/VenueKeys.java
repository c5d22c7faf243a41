package dev.peregrine.ops.config;

import java.util.List;

/**
 * Where the live profile reads a venue's API key: the {@code secrets} keys (each with its {@code _file} form) and the
 * environment variables, and what the secret should be, for messages.
 *
 * @param expectedSecret what the secret is, named when it cannot be read.
 */
record VenueKeys(String venue, String key, String secret, String keyVariable, String secretVariable, String expectedSecret)
{
    static final VenueKeys COINBASE = new VenueKeys("coinbase", "coinbase_api_key", "coinbase_api_secret",
        DaemonConfigLoader.COINBASE_KEY_VARIABLE, DaemonConfigLoader.COINBASE_SECRET_VARIABLE,
        "a P-256 private key in PEM (EC PRIVATE KEY or PRIVATE KEY)");
    static final VenueKeys BINANCE = new VenueKeys("binance", "binance_api_key", "binance_api_secret",
        DaemonConfigLoader.BINANCE_KEY_VARIABLE, DaemonConfigLoader.BINANCE_SECRET_VARIABLE,
        "the HMAC secret key, or an Ed25519 private key in PEM (PRIVATE KEY)");
    static final List<VenueKeys> ALL = List.of(COINBASE, BINANCE);

    /** The keys of {@code venue}; null for one without (the simulated exchange). */
    static VenueKeys of(final String venue)
    {
        for (final VenueKeys keys : ALL)
        {
            if (keys.venue().equals(venue))
            {
                return keys;
            }
        }
        return null;
    }
}
