package dev.peregrine.gateway.coinbase.intx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJson;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;
import dev.peregrine.gateway.orders.RequestOutcome;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.IntToLongFunction;

/**
 * After a (re)start's order reconciliation, compares each INTX perpetual's net size at the venue (Advanced Trade's
 * List Perpetuals Positions, {@code GET /api/v3/brokerage/intx/positions/{portfolio_uuid}}) with the engine's
 * position. The portfolio is the configured one, else the one List Portfolios ({@code GET /portfolios}) names with
 * type {@code INTX}, else the only one listed.
 *
 * <p>It only reports: a mismatch is one log line per perpetual and one count in
 * {@code peregrine_orders_position_mismatches_total}. The engine's position changes only through journaled events
 * (fills), so a check that changed it here would make a replay differ from the live run.
 *
 * <p>Runs once on its own daemon thread. The engine applies the reconciliation's reports through its ring a little
 * after the adapter publishes them, so agreement is awaited for {@code settleNanos} before a mismatch is reported.
 */
public final class IntxPositionCheck implements Runnable
{
    static final String PORTFOLIOS = "/api/v3/brokerage/portfolios";
    static final String POSITIONS = "/api/v3/brokerage/intx/positions/";
    private static final long POLL_MILLIS = 100;
    private static final long RECONCILE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** One perpetual the engine trades: its instrument id and Coinbase product id. */
    public record Perpetual(int instrumentId, String productId)
    {
    }

    private final CoinbaseOrderClient client;
    private final List<Perpetual> perpetuals;
    private final IntToLongFunction enginePosition;
    private final IntSupplier awaitingReconcile;
    private final SingleWriterCounter mismatches;
    private final String configuredPortfolio;
    private final Consumer<String> log;
    private final long settleNanos;

    /**
     * @param enginePosition      the engine's net position per instrument id (FixedPoint), readable from any thread.
     * @param awaitingReconcile   recovered orders the venue has not yet accounted for: the check starts at 0.
     * @param mismatches          counted here; this check's thread is its only writer.
     * @param configuredPortfolio the INTX portfolio's uuid, or null to find it in the portfolio list.
     */
    public IntxPositionCheck(final CoinbaseOrderClient client, final List<Perpetual> perpetuals,
        final IntToLongFunction enginePosition, final IntSupplier awaitingReconcile, final SingleWriterCounter mismatches,
        final String configuredPortfolio, final Consumer<String> log, final long settleNanos)
    {
        this.client = client;
        this.perpetuals = List.copyOf(perpetuals);
        this.enginePosition = enginePosition;
        this.awaitingReconcile = awaitingReconcile;
        this.mismatches = mismatches;
        this.configuredPortfolio = configuredPortfolio;
        this.log = log;
        this.settleNanos = settleNanos;
    }

    /** Starts {@link #run} on a daemon thread named {@code peregrine-intx-position-check}. */
    public Thread start()
    {
        final Thread thread = new Thread(this, "peregrine-intx-position-check");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run()
    {
        try
        {
            check();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        catch (final RuntimeException e)
        {
            log.accept("INTX position check: failed: " + e);
        }
    }

    /**
     * Waits for reconciliation, reads the venue's positions and reports; returns the mismatches it counted. One run at
     * a time, so the counter has one writer at a time.
     */
    public synchronized int check() throws InterruptedException
    {
        final long reconcileDeadline = System.nanoTime() + RECONCILE_WAIT_NANOS;
        while (awaitingReconcile.getAsInt() > 0 && System.nanoTime() < reconcileDeadline)
        {
            Thread.sleep(POLL_MILLIS);
        }
        final String portfolio = configuredPortfolio != null ? configuredPortfolio : findPortfolio();
        if (portfolio == null)
        {
            log.accept("INTX position check: no portfolio in " + PORTFOLIOS + " (configure the INTX portfolio uuid)");
            return 0;
        }
        final long deadline = System.nanoTime() + settleNanos;
        while (true)
        {
            final Map<String, Long> venue = venuePositions(portfolio);
            final List<String> differing = differing(venue);
            if (differing.isEmpty())
            {
                log.accept("INTX position check: the venue's positions in portfolio " + portfolio + " equal the engine's");
                return 0;
            }
            if (System.nanoTime() >= deadline)
            {
                for (final String line : differing)
                {
                    log.accept(line);
                    mismatches.increment();
                }
                return differing.size();
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private List<String> differing(final Map<String, Long> venue)
    {
        final List<String> lines = new ArrayList<>();
        for (final Perpetual p : perpetuals)
        {
            final long atVenue = venue.getOrDefault(p.productId(), 0L);
            final long engine = enginePosition.applyAsLong(p.instrumentId());
            if (atVenue != engine)
            {
                lines.add("INTX position mismatch: " + p.productId() + " venue net_size " + FixedPoint.toString(atVenue) +
                    ", engine position " + FixedPoint.toString(engine) + " (the engine keeps its own; check the venue)");
            }
        }
        return lines;
    }

    private String findPortfolio()
    {
        final JsonNode json = read(PORTFOLIOS);
        String only = null;
        int listed = 0;
        for (final JsonNode portfolio : CoinbaseJson.array(json, "portfolios"))
        {
            if ("INTX".equals(CoinbaseJson.text(portfolio, "type")))
            {
                return CoinbaseJson.text(portfolio, "uuid");
            }
            only = CoinbaseJson.text(portfolio, "uuid");
            listed++;
        }
        return listed == 1 ? only : null;
    }

    /** Net size per product id (FixedPoint, negative short) from List Perpetuals Positions. */
    private Map<String, Long> venuePositions(final String portfolio)
    {
        final JsonNode json = read(POSITIONS + URLEncoder.encode(portfolio, StandardCharsets.UTF_8));
        final Map<String, Long> sizes = new HashMap<>();
        for (final JsonNode position : CoinbaseJson.array(json, "positions"))
        {
            final String product = CoinbaseJson.text(position, "product_id");
            final String netSize = CoinbaseJson.text(position, "net_size");
            if (product == null || netSize == null)
            {
                throw new IllegalStateException("INTX position without product_id or net_size in " + POSITIONS + ": " + position);
            }
            sizes.put(product, FixedPoint.parseOrThrow("net_size of " + product + " in " + POSITIONS, netSize));
        }
        return sizes;
    }

    private JsonNode read(final String path)
    {
        return client.get(path, (status, json) ->
        {
            if (status.outcome() != RequestOutcome.OK || json == null)
            {
                throw new IllegalStateException("GET " + path + ": " + status);
            }
            return json;
        }).join();
    }
}
