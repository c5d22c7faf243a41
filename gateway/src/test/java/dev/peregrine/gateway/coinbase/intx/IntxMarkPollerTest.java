package dev.peregrine.gateway.coinbase.intx;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.coinbase.CoinbaseProducts;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.gateway.testing.Await;
import dev.peregrine.gateway.testing.RecordingRing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mark poller against the emulator's public product answers over loopback: a MARK_PRICE per perpetual and read,
 * and a FUNDING_SETTLEMENT once the announced funding time has passed, at the rate announced for it. The emulator
 * funds every second here; BTC-PERP-INTX fills at 50,000 with a synthetic book one tick (0.1) either side.
 */
class IntxMarkPollerTest
{
    private static final long SECOND = 1_000_000_000L;

    private final RecordingRing recording = new RecordingRing(1024);
    private final InstrumentRegistry registry = CoinbaseProducts.CATALOG.registryFor(List.of("BTC-PERP-INTX", "BTC-USD"));
    private final HttpClient http = HttpClient.newHttpClient();
    private CoinbaseVenueEmulator emulator;
    private IntxMarkPoller poller;

    @BeforeEach
    void start() throws Exception
    {
        final KeyPairGenerator keys = KeyPairGenerator.getInstance("EC");
        keys.initialize(new ECGenParameterSpec("secp256r1"));
        emulator = new CoinbaseVenueEmulator(keys.generateKeyPair().getPublic(), "key", "127.0.0.1").start();
        emulator.fillPrice("BTC-PERP-INTX", "50000");
        emulator.fundingInterval(Duration.ofSeconds(1));
        poller = new IntxMarkPoller(emulator.baseUri(), List.of("BTC-PERP-INTX"), registry, recording.ring(), this::get,
            SECOND, System::nanoTime, () -> System.currentTimeMillis() * 1_000_000L);
    }

    @AfterEach
    void stop()
    {
        emulator.close();
    }

    @Test
    void eachReadPublishesTheMarkAndAPassedFundingItsSettlement()
    {
        assertThat(poller.poll()).isEqualTo(1);
        final InboundEvent mark = recording.drain().get(0);
        assertThat(mark.type).isEqualTo(EventType.MARK_PRICE);
        assertThat(mark.instrumentId).isEqualTo(registry.idOf("BTC-PERP-INTX"));
        assertThat(mark.markPrice).isEqualTo(5_000_000_000_000L); // the mid of 49,999.9 and 50,000.1
        assertThat(mark.indexPrice).isEqualTo(5_000_000_000_000L); // the last price
        final long fundingTime = mark.nextFundingTimeNanos;
        final IntxFundingProcess process = new IntxFundingProcess(42, SECOND);
        assertThat(fundingTime % SECOND).isZero();
        assertThat(mark.fundingRate).isEqualTo(process.rate("BTC-PERP-INTX", fundingTime));

        Await.until("the funding time to pass", Duration.ofSeconds(5),
            () -> System.currentTimeMillis() * 1_000_000L > fundingTime);
        assertThat(poller.poll()).isEqualTo(2);

        final List<InboundEvent> events = recording.drain();
        final InboundEvent settlement = events.get(1);
        assertThat(settlement.type).isEqualTo(EventType.FUNDING_SETTLEMENT);
        assertThat(settlement.exchangeTimeNanos).isEqualTo(fundingTime);
        assertThat(settlement.fundingRate).isEqualTo(mark.fundingRate);
        assertThat(settlement.markPrice).isEqualTo(5_000_000_000_000L);
        assertThat(settlement.fee).isZero(); // the core computes the payment from its position
        assertThat(events.get(2).type).isEqualTo(EventType.MARK_PRICE);
        assertThat(events.get(2).nextFundingTimeNanos).isGreaterThan(fundingTime);
        assertThat(poller.settlements()).isEqualTo(1);
    }

    @Test
    void aFailedReadIsCountedAndPublishesNothing()
    {
        emulator.close();

        assertThat(poller.poll()).isZero();

        assertThat(poller.failures()).isEqualTo(1);
        assertThat(poller.lastFailure()).contains("/api/v3/brokerage/market/products/BTC-PERP-INTX");
        assertThat(recording.drain()).isEmpty();
    }

    private String get(final URI url) throws IOException
    {
        try
        {
            final HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200)
            {
                throw new IOException("HTTP " + answer.statusCode());
            }
            return answer.body();
        }
        catch (final InterruptedException ex)
        {
            throw new IOException(ex);
        }
    }
}
