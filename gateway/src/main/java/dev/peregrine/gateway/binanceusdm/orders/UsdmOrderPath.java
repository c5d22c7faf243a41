package dev.peregrine.gateway.binanceusdm.orders;

import dev.peregrine.gateway.binance.BinanceKeyVerification;
import dev.peregrine.gateway.binance.orders.BinanceCredentials;
import dev.peregrine.gateway.venue.KeyVerification;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@code BinanceUsdmVenue} hands to this package: the live order path, the credentials check and
 * {@code verify-keys}, with the same keys as spot Binance (an HMAC secret or an Ed25519 PEM; the key needs futures
 * trading enabled).
 */
public final class UsdmOrderPath
{
    private UsdmOrderPath()
    {
    }

    /** {@code Venue.liveVenue}: the order path with the engine's default account settings (1x, cross). */
    public static UsdmLiveVenue liveVenue(final URI restUrl, final URI userChannel, final String apiKey, final String secret,
        final String keySource)
    {
        return liveVenue(restUrl, userChannel, apiKey, secret, keySource, UsdmAccountSettings.defaults());
    }

    /** As {@link #liveVenue(URI, URI, String, String, String)} with leverage and margin type from the settings. */
    public static UsdmLiveVenue liveVenue(final URI restUrl, final URI userChannel, final String apiKey, final String secret,
        final String keySource, final UsdmAccountSettings settings)
    {
        return new UsdmLiveVenue(restUrl, userChannel, BinanceCredentials.of(apiKey, secret, keySource), settings);
    }

    /** {@code Venue.checkCredentials}: throws naming what is wrong with the key. */
    public static void checkCredentials(final String apiKey, final String secret, final String keySource)
    {
        BinanceCredentials.of(apiKey, secret, keySource);
    }

    /** {@code Venue.verifyKeys}: the key's format, a signature, then {@code GET /fapi/v2/account}. */
    public static KeyVerification verifyKeys(final Path keyFile, final Map<String, String> environment, final URI restUrl,
        final Duration timeout, final Consumer<String> passed)
    {
        return BinanceKeyVerification.verify(keyFile, environment, restUrl, UsdmRest.PATHS, timeout, passed);
    }
}
