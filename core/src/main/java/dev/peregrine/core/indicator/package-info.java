/**
 * Streaming technical indicators for the core thread: O(1) per update (amortised O(1) where a window
 * is recomputed), allocation-free after construction, {@code double} arithmetic, deterministic
 * (state depends only on the input sequence; every class folds it into {@code hash(long)}).
 *
 * <table>
 * <caption>Indicators and conventions</caption>
 * <tr><th>Class</th><th>TA-Lib</th><th>First value (update #)</th><th>Convention</th></tr>
 * <tr><td>{@link dev.peregrine.core.indicator.Sma}</td><td>SMA</td><td>n</td><td>windowed mean</td></tr>
 * <tr><td>{@link dev.peregrine.core.indicator.Ema}</td><td>EMA</td><td>n</td><td>k = 2/(n+1), seeded with the SMA of the first n</td></tr>
 * <tr><td>{@link dev.peregrine.core.indicator.Wma}</td><td>WMA</td><td>n</td><td>weights 1..n, newest heaviest</td></tr>
 * <tr><td>{@link dev.peregrine.core.indicator.Rsi}</td><td>RSI</td><td>n+1</td><td>Wilder; seed = mean of first n changes; 0 when flat (TA-Lib)</td></tr>
 * <tr><td>{@link dev.peregrine.core.indicator.Macd}</td><td>MACD</td><td>slow+signal-1</td><td>fast EMA starts at input slow-fast+1 (TA-Lib alignment)</td></tr>
 * <tr><td>{@link dev.peregrine.core.indicator.BollingerBands}</td><td>BBANDS (SMA)</td><td>n</td><td>population deviation; %B = 0.5 on a flat band</td></tr>
 * <tr><td>{@link dev.peregrine.core.indicator.RollingStdDev}</td><td>STDDEV</td><td>n</td><td>population; no TA-Lib cancellation error</td></tr>
 * <tr><td>{@link dev.peregrine.core.indicator.Atr}</td><td>ATR</td><td>n+1</td><td>first bar has no TR; seed = mean of TR of bars 2..n+1</td></tr>
 * <tr><td>{@link dev.peregrine.core.indicator.Adx}</td><td>ADX, PLUS_DI, MINUS_DI</td><td>DI: n+1, ADX: 2n</td><td>TA-Lib seeding (sums of n-1 bars, then Wilder); degenerate DX skipped</td></tr>
 * <tr><td>{@link dev.peregrine.core.indicator.RollingHighLow}</td><td>MAX, MIN</td><td>n</td><td>monotonic deques of primitive indices</td></tr>
 * <tr><td>{@link dev.peregrine.core.indicator.Vwap}</td><td>(none)</td><td>first volume</td><td>session-anchored (epoch-aligned, UTC day by default); compensated sums</td></tr>
 * </table>
 *
 * <p>Where TA-Lib defines an indicator, Peregrine reproduces its seeding and alignment, and tests check
 * every value after TA-Lib's lookback to 1e-9 relative on real data, and that {@code isReady()} flips
 * exactly on TA-Lib's first output. Values read {@code NaN} until ready. The one deliberate difference
 * is numerical: the rolling variance (standard deviation, Bollinger Bands) avoids TA-Lib's
 * {@code mean(x^2) - mean(x)^2} cancellation, see {@link dev.peregrine.core.indicator.RollingStdDev}.
 * Bars to feed them come from {@link dev.peregrine.core.bar}.
 */
package dev.peregrine.core.indicator;
