package dev.peregrine.core.indicator;

import dev.peregrine.core.bar.BinanceTradeCapture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** VWAP has no TA-Lib function: it is checked against exact decimal sums of the real trades. */
class VwapTest
{
    @Test
    void everyValueOnTheRealCaptureMatchesExactDecimalSums()
    {
        final BinanceTradeCapture capture = BinanceTradeCapture.load();
        final Vwap vwap = new Vwap(Vwap.UTC_DAY);
        BigDecimal notional = BigDecimal.ZERO;
        BigDecimal volume = BigDecimal.ZERO;
        double worst = 0;
        long day = Math.floorDiv(capture.timeNanos[0], Vwap.UTC_DAY);
        int sessions = 1;
        for (int i = 0; i < capture.size(); i++)
        {
            // The capture's trade times cross 00:00 UTC near its end: the session restarts there.
            if (Math.floorDiv(capture.timeNanos[i], Vwap.UTC_DAY) != day)
            {
                day = Math.floorDiv(capture.timeNanos[i], Vwap.UTC_DAY);
                notional = BigDecimal.ZERO;
                volume = BigDecimal.ZERO;
                sessions++;
            }
            vwap.update(capture.price[i].doubleValue(), capture.quantity[i].doubleValue(), capture.timeNanos[i]);
            notional = notional.add(capture.price[i].multiply(capture.quantity[i]));
            volume = volume.add(capture.quantity[i]);
            final double exact = notional.divide(volume, MathContext.DECIMAL128).doubleValue();
            final double relative = Math.abs(vwap.value() - exact) / exact;
            assertThat(relative).as("trade %d", i).isLessThanOrEqualTo(1e-12);
            worst = Math.max(worst, relative);
        }
        assertThat(sessions).isEqualTo(2);
        System.out.printf("VWAP: %d values against BigDecimal, worst relative difference %.2e, %d sessions%n",
            capture.size(), worst, sessions);
    }

    @Test
    void aNewSessionRestartsTheSumsAndZeroVolumeIsIgnored()
    {
        final long minute = 60_000_000_000L;
        final Vwap vwap = new Vwap(minute);
        assertThat(vwap.isReady()).isFalse();
        assertThat(vwap.value()).isNaN();
        vwap.update(100.0, 0.0, 10);
        assertThat(vwap.isReady()).isFalse();
        vwap.update(100.0, 1.0, 20);
        vwap.update(110.0, 3.0, minute - 1);
        assertThat(vwap.value()).isCloseTo(107.5, within(1e-12));
        vwap.update(90.0, 2.0, minute);                    // next session
        assertThat(vwap.value()).isEqualTo(90.0);
        assertThat(vwap.sessionStartNanos()).isEqualTo(minute);
        assertThat(vwap.sessionVolume()).isEqualTo(2.0);
        vwap.update(80.0, 2.0, minute - 5);                // late: stays in the current session
        assertThat(vwap.value()).isEqualTo(85.0);
    }

    @Test
    void compensatedSumsStayExactOverTenMillionSmallTrades()
    {
        final Vwap vwap = new Vwap(Vwap.NO_SESSIONS);
        final Vwap reference = new Vwap(Vwap.NO_SESSIONS);
        for (int i = 0; i < 10_000_000; i++)
        {
            vwap.update(i % 2 == 0 ? 60_000.01 : 59_999.99, 0.001, i);
        }
        reference.update(60_000.0, 1.0, 0);
        assertThat(vwap.value()).isCloseTo(reference.value(), within(60_000 * 1e-13));
    }

    @Test
    void refusesBadInput()
    {
        final Vwap vwap = new Vwap(Vwap.UTC_DAY);
        assertThatThrownBy(() -> vwap.update(1.0, -1.0, 0)).hasMessageContaining("volume >= 0");
        assertThatThrownBy(() -> vwap.update(Double.NaN, 1.0, 0)).hasMessageContaining("finite price");
        assertThatThrownBy(() -> new Vwap(0)).hasMessageContaining("NO_SESSIONS");
    }
}
