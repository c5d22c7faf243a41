/**
 * The one statistics module: Sharpe, Sortino, drawdown and returns over one PnL series
 * ({@link dev.peregrine.journal.statistics.EquityStatistics}), pure functions with no I/O or threads.
 *
 * <p>It lives in {@code journal} because that is the lowest module both users reach: the backtest driver
 * and its sweeps (here, in {@code journal}) and everything in {@code ops} (the backtest summary, {@code report},
 * {@code /admin}). {@code core} would also be reachable, but core is the trading engine and its hot-path
 * rules; these figures are computed beside it, never inside a decision.
 */
package dev.peregrine.journal.statistics;
