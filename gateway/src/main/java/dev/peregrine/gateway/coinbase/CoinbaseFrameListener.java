package dev.peregrine.gateway.coinbase;

import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.ws.TextFrameListener;
import io.netty.channel.Channel;

import java.util.function.Consumer;

/**
 * What one Coinbase market-data connection does with its frames: reports the completed WebSocket handshake
 * (the client then subscribes, paced), then hands every aggregated text frame to the
 * {@link CoinbaseMarketDataDecoder}. Runs on the connection's event loop, the single writer of the decoder,
 * the ring producer side and the {@link GatewayMetrics}.
 */
final class CoinbaseFrameListener implements TextFrameListener
{
    private final CoinbaseMarketDataDecoder decoder;
    private final GatewayMetrics metrics;
    private final Consumer<Channel> onOpen;

    CoinbaseFrameListener(
        final CoinbaseMarketDataDecoder decoder, final GatewayMetrics metrics, final Consumer<Channel> onOpen)
    {
        this.decoder = decoder;
        this.metrics = metrics;
        this.onOpen = onOpen;
    }

    @Override
    public void onOpen(final Channel channel)
    {
        decoder.onConnected();
        metrics.onConnect();
        onOpen.accept(channel);
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
