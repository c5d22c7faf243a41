package dev.peregrine.gateway.binance;

import dev.peregrine.gateway.ws.TextFrameListener;
import io.netty.channel.Channel;

/**
 * What a Binance market-data connection does with its frames: hands every aggregated text frame to the
 * {@link BinanceMarketDataDecoder}. The subscription is in the URL ({@code /stream?streams=...}), so
 * there is nothing to send after the handshake. Pings are answered by Netty with a pong carrying the same
 * payload, which is what Binance checks (a ping every 20 s, disconnect after a minute without pong).
 */
final class BinanceFrameListener implements TextFrameListener
{
    private final BinanceMarketDataDecoder decoder;
    private final BinanceMetrics metrics;

    BinanceFrameListener(final BinanceMarketDataDecoder decoder, final BinanceMetrics metrics)
    {
        this.decoder = decoder;
        this.metrics = metrics;
    }

    @Override
    public void onOpen(final Channel channel)
    {
        metrics.onConnect();
    }

    @Override
    public void onText(final byte[] buffer, final int offset, final int length, final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        decoder.decode(buffer, offset, length, receiveEpochNanos, receiveNanoTime);
    }

    @Override
    public void onBinaryFrame()
    {
        decoder.onBinaryFrame();
    }

    @Override
    public void onOversizedFrame()
    {
        decoder.onOversizedFrame();
    }

    @Override
    public void onClosed()
    {
        metrics.onDisconnect();
    }
}
