package dev.peregrine.ops;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A venue that speaks the Coinbase Advanced Trade market-data protocol over a real WebSocket on loopback,
 * as {@code peregrine sim} does, for one product, but whose frames the test writes: a calm market (BTC-USD
 * near 60,000: a ticker, a trade alternately through each side of the book, and a level2 update every
 * 20 ms) into which the test injects well-formed frames carrying absurd values. Every frame gets the
 * connection's next {@code sequence_num}, so the engine sees no gap and trusts the stream as it would the
 * venue's.
 */
final class FuzzingCoinbaseServer implements AutoCloseable
{
    static final String PRODUCT = "BTC-USD";

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ScheduledExecutorService calm = Executors.newSingleThreadScheduledExecutor(r ->
    {
        final Thread t = new Thread(r, "fuzz-venue-calm");
        t.setDaemon(true);
        return t;
    });
    private Channel server;
    private volatile Channel client;
    private long sequence;
    private long tradeId = 1_000_000;
    private long tick;

    void start()
    {
        final WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
            .websocketPath("/").checkStartsWith(true).maxFramePayloadLength(64 * 1024).build();
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                        new WebSocketServerProtocolHandler(ws), new Requests());
                }
            }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
        calm.scheduleAtFixedRate(this::calmTick, 20, 20, TimeUnit.MILLISECONDS);
    }

    String url()
    {
        return "ws://127.0.0.1:" + ((InetSocketAddress)server.localAddress()).getPort() + "/";
    }

    /** One frame of {@code channel} holding {@code events}, with the connection's next sequence number. */
    synchronized void send(final String channel, final String events)
    {
        final Channel to = client;
        if (to == null)
        {
            return;
        }
        to.writeAndFlush(new TextWebSocketFrame("{\"channel\":\"" + channel + "\",\"timestamp\":\"" + Instant.now() +
            "\",\"sequence_num\":" + sequence++ + ",\"events\":[" + events + "]}"));
    }

    static String ticker(final String type, final String bid, final String ask, final String last)
    {
        return "{\"type\":\"" + type + "\",\"tickers\":[" + tickerEntry(bid, ask, last) + "]}";
    }

    static String tickerEntry(final String bid, final String ask, final String last)
    {
        return "{\"type\":\"ticker\",\"product_id\":\"" + PRODUCT + "\",\"price\":\"" + last + "\",\"best_bid\":\"" + bid +
            "\",\"best_ask\":\"" + ask + "\",\"best_bid_quantity\":\"1.5\",\"best_ask_quantity\":\"1.5\"}";
    }

    synchronized String trade(final String price, final String side)
    {
        return "{\"type\":\"update\",\"trades\":[{\"product_id\":\"" + PRODUCT + "\",\"trade_id\":\"" + tradeId++ +
            "\",\"price\":\"" + price + "\",\"size\":\"0.5\",\"time\":\"" + Instant.now() + "\",\"side\":\"" + side + "\"}]}";
    }

    /** A level2 event: levels as {@code "bid|offer PRICE QTY"}. */
    static String level2(final String type, final String... levels)
    {
        final StringBuilder sb = new StringBuilder("{\"type\":\"" + type + "\",\"product_id\":\"" + PRODUCT + "\",\"updates\":[");
        for (int i = 0; i < levels.length; i++)
        {
            final String[] p = levels[i].split(" ");
            sb.append(i == 0 ? "" : ",").append("{\"side\":\"").append(p[0]).append("\",\"event_time\":\"").append(Instant.now())
                .append("\",\"price_level\":\"").append(p[1]).append("\",\"new_quantity\":\"").append(p[2]).append("\"}");
        }
        return sb.append("]}").toString();
    }

    private void snapshot(final String channel)
    {
        switch (channel)
        {
            case "level2":
                send("l2_data", level2("snapshot", "bid 59990 2", "bid 59980 3", "bid 59970 4", "offer 60010 2",
                    "offer 60020 3", "offer 60030 4"));
                break;
            case "ticker":
                send("ticker", ticker("snapshot", "59990", "60010", "60000"));
                break;
            default:
                break;
        }
    }

    /** The calm market: a believable tick on every channel. */
    private void calmTick()
    {
        final long n = tick++;
        send("ticker", ticker("update", "59990", "60010", n % 2 == 0 ? "59990" : "60010"));
        // Trades through the market maker's quotes (10 bps around the mid), so they fill at believable prices;
        // Coinbase's side is the maker's: a print at 59,900 hit resting bids.
        send("market_trades", n % 2 == 0 ? trade("59900", "BUY") : trade("60100", "SELL"));
        send("l2_data", level2("update", "bid 59990 " + (2 + n % 3), "offer 60010 " + (2 + (n + 1) % 3)));
    }

    @Override
    public void close()
    {
        calm.shutdownNow();
        if (server != null)
        {
            server.close().awaitUninterruptibly(1_000);
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
    }

    /** Registers the connection and answers each subscribe with the channel's snapshot. */
    private final class Requests extends ChannelInboundHandlerAdapter
    {
        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
        {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete)
            {
                synchronized (FuzzingCoinbaseServer.this)
                {
                    sequence = 0;
                    client = ctx.channel();
                }
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            try
            {
                if (msg instanceof TextWebSocketFrame frame)
                {
                    final String text = frame.text();
                    if (text.contains("\"subscribe\""))
                    {
                        final int at = text.indexOf("\"channel\":\"") + 11;
                        snapshot(text.substring(at, text.indexOf('"', at)));
                    }
                }
            }
            finally
            {
                ReferenceCountUtil.release(msg);
            }
        }
    }
}
