package dev.peregrine.ops.config;

import dev.peregrine.core.market.MarketSanitySettings;

import java.time.Duration;

/**
 * {@code risk.market_data:} to {@link MarketSanitySettings}: the bounds market data must keep before the core
 * believes it. Every key is optional; the defaults are {@link MarketSanitySettings#DEFAULTS}.
 * <pre>
 * risk:
 *   market_data:
 *     enabled: true          # false: believe every price (not for live trading)
 *     band: 0.10             # at most 10 % from the reference (a slow follower of accepted prices)
 *     max_move: 0.05         # at most 5 % from the last accepted price in one update
 *     range_factor: 1000     # the venue's range: catalog reference price / 1000 .. x 1000
 *     reanchor_updates: 20   # a real move re-anchors after 20 consistent rejected updates ...
 *     reanchor_after: 10s    # ... spanning at least 10 s of event time
 *     silence: 60s           # after this long without a price, the next one is held to the range only
 * </pre>
 */
final class MarketDataSection
{
    private MarketDataSection()
    {
    }

    static MarketSanitySettings read(final ConfigSection section)
    {
        final MarketSanitySettings d = MarketSanitySettings.DEFAULTS;
        final boolean enabled = section.bool("enabled", true);
        double band = section.fraction("band", d.band);
        if (band <= 0)
        {
            section.problem("band", band, "a fraction in (0, 1), e.g. 0.10");
            band = d.band;
        }
        double maxMove = section.fraction("max_move", d.maxMove);
        if (maxMove <= 0 || maxMove > band)
        {
            section.problem("max_move", maxMove, "a fraction in (0, band], e.g. 0.05");
            maxMove = Math.min(d.maxMove, band);
        }
        final long rangeFactor = section.integer("range_factor", (long)d.rangeFactor, 2, 1_000_000_000L);
        final int updates = (int)section.integer("reanchor_updates", d.reanchorUpdates, 1, 1_000_000);
        final Duration after = section.duration("reanchor_after", Duration.ofNanos(d.reanchorNanos), true);
        final Duration silence = section.duration("silence", Duration.ofNanos(d.silenceNanos), false);
        section.finish();
        return new MarketSanitySettings(enabled, band, maxMove, rangeFactor, updates, after.toNanos(), silence.toNanos());
    }
}
