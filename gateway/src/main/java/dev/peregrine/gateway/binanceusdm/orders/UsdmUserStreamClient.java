package dev.peregrine.gateway.binanceusdm.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.gateway.binance.orders.BinanceAnswer;
import dev.peregrine.gateway.binance.orders.BinanceOrderClient;
import dev.peregrine.gateway.binance.orders.ExecutionReport;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.ws.ConnectionListener;
import dev.peregrine.gateway.ws.SubscribedConnection;
import dev.peregrine.gateway.ws.TextFrameDecoder;
import io.netty.channel.Channel;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

/**
 * The USD-M user data stream: a listen key from {@code POST /fapi/v1/listenKey} (the API key alone), then the
 * WebSocket {@code <stream base>/ws/<listenKey>} that pushes every account event, kept alive by a {@code PUT} every
 * {@link #KEEP_ALIVE} (the key lives 60 minutes after its last one). {@code ORDER_TRADE_UPDATE}s go to the order
 * adapter as {@link ExecutionReport}s; an {@code ACCOUNT_UPDATE} with reason {@code FUNDING_FEE} to
 * {@code onFundingFee}, which asks the income history what was paid for which symbol (a cross position's event names
 * none). Jackson, off the hot path.
 *
 * <p>Threads: one Netty event loop ({@code peregrine-binance-usdm-user}) owns the socket and calls the consumers; one
 * daemon thread sends the keep-alives. Reconnection is left to the caller, as for spot: {@link #isConnected()} and
 * {@link #expired()} say when to make a new one.
 */
public final class UsdmUserStreamClient implements AutoCloseable
{
    public static final Duration KEEP_ALIVE = Duration.ofMinutes(30);
    private static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI streamBase;
    private final BinanceOrderClient client;
    private final Consumer<ExecutionReport> reports;
    private final Runnable onFundingFee;
    private final ObjLongConsumer<ExecutionReport> onVenueClose;
    private final Duration connectTimeout;
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r ->
    {
        final Thread t = new Thread(r, "peregrine-binance-usdm-keepalive");
        t.setDaemon(true);
        return t;
    });
    private volatile SubscribedConnection connection;
    private volatile boolean expired;
    private volatile long malformedFrames;
    private volatile long venueCloses;

    /** @param streamBase the futures stream host ({@code wss://fstream.binance.com}); {@code /ws/<key>} is added. */
    public UsdmUserStreamClient(final URI streamBase, final BinanceOrderClient client, final Consumer<ExecutionReport> reports,
        final Runnable onFundingFee, final Duration connectTimeout)
    {
        this(streamBase, client, reports, onFundingFee, (report, time) -> { }, connectTimeout);
    }

    /**
     * @param onVenueClose each fill of the venue's own closing order ({@link UsdmOrderUpdates#venueClose}) with the
     *                     event's time (epoch millis), before it goes to {@code reports}.
     */
    public UsdmUserStreamClient(final URI streamBase, final BinanceOrderClient client, final Consumer<ExecutionReport> reports,
        final Runnable onFundingFee, final ObjLongConsumer<ExecutionReport> onVenueClose, final Duration connectTimeout)
    {
        this.onVenueClose = onVenueClose;
        this.streamBase = streamBase;
        this.client = client;
        this.reports = reports;
        this.onFundingFee = onFundingFee;
        this.connectTimeout = connectTimeout;
    }

    /**
     * Takes a listen key and connects to its stream.
     *
     * @throws IllegalStateException naming the URL and the venue's answer when either fails.
     */
    public void start()
    {
        final BinanceAnswer answer = client.keyedCall("POST", UsdmRest.LISTEN_KEY, "").join();
        final String listenKey = answer.text("listenKey");
        if (answer.status().outcome() != RequestOutcome.OK || listenKey == null)
        {
            throw new IllegalStateException("Binance USD-M gave no listen key at " + client.baseUri() + UsdmRest.LISTEN_KEY +
                ": " + answer.status().outcome().label() + (answer.status().message() == null ? "" : " " + answer.status().message()));
        }
        final String base = streamBase.toString().endsWith("/") ? streamBase.toString() : streamBase + "/";
        connection = new SubscribedConnection(URI.create(base + "ws/" + listenKey), "peregrine-binance-usdm-user",
            connectTimeout, MAX_MESSAGE_BYTES);
        connection.start(new Frames(), "the USD-M user data stream");
        final long period = KEEP_ALIVE.toMillis();
        keepAlive.scheduleAtFixedRate(() -> client.keyedCall("PUT", UsdmRest.LISTEN_KEY, ""), period, period,
            TimeUnit.MILLISECONDS);
    }

    public boolean isConnected()
    {
        final SubscribedConnection c = connection;
        return c != null && c.isConnected();
    }

    /** The venue sent {@code listenKeyExpired}: no more events come on this connection. */
    public boolean expired()
    {
        return expired;
    }

    public long malformedFrames()
    {
        return malformedFrames;
    }

    /** Fills of the venue's own liquidation or ADL orders: position changes the engine's journal does not hold. */
    public long venueCloses()
    {
        return venueCloses;
    }

    @Override
    public void close()
    {
        keepAlive.shutdownNow();
        final SubscribedConnection c = connection;
        if (c != null)
        {
            c.close();
        }
    }

    /** The stream's frames, on its event loop: nothing to subscribe, so it is confirmed once open. */
    private final class Frames implements TextFrameDecoder, ConnectionListener
    {
        @Override
        public void onOpen(final Channel ch)
        {
            connection.confirmed();
        }

        @Override
        public void onClosed()
        {
            connection.closed();
        }

        @Override
        public void onBinaryFrame()
        {
            malformedFrames++;
        }

        @Override
        public void onOversizedFrame()
        {
            malformedFrames++;
        }

        @Override
        public void decode(final byte[] buffer, final int offset, final int length, final long receiveEpochNanos,
            final long receiveNanoTime)
        {
            final JsonNode event;
            try
            {
                event = JSON.readTree(new String(buffer, offset, length, StandardCharsets.UTF_8));
            }
            catch (final IOException ex)
            {
                malformedFrames++;
                return;
            }
            if (event == null || !event.isObject())
            {
                malformedFrames++;
                return;
            }
            if ("listenKeyExpired".equals(event.path("e").asText()))
            {
                expired = true;
                return;
            }
            final ExecutionReport report = UsdmOrderUpdates.of(event);
            if (report != null)
            {
                if (UsdmOrderUpdates.venueClose(report))
                {
                    venueCloses++;
                    onVenueClose.accept(report, event.path("E").asLong(0));
                }
                reports.accept(report);
            }
            else if ("FUNDING_FEE".equals(UsdmOrderUpdates.accountUpdateReason(event)))
            {
                onFundingFee.run();
            }
        }
    }
}
