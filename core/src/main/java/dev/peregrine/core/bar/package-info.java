/**
 * Bars from trades: {@link dev.peregrine.core.bar.TimeBarBuilder} (any interval, epoch-aligned, closed by
 * the first trade or clock event at or after the end, one flat zero-volume bar per empty interval after
 * the first trade), {@link dev.peregrine.core.bar.TickBarBuilder} and
 * {@link dev.peregrine.core.bar.VolumeBarBuilder} (activity bars, closed by trades only, trades never
 * split). Prices and volumes stay scaled longs; closed bars go to a
 * {@link dev.peregrine.core.bar.BarListener} with primitive arguments.
 */
package dev.peregrine.core.bar;
