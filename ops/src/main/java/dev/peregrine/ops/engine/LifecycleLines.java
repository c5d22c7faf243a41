package dev.peregrine.ops.engine;

import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.journal.snapshot.SnapshotRecovery;
import dev.peregrine.ops.logging.JsonLine;
import dev.peregrine.ops.orderlog.OrderLog;

import java.util.List;

/**
 * The live engine's lifecycle as JSON lines (the ops README's "Logs"): recovery completed, started, stopping,
 * stopped. Written from the thread that starts or stops the engine, never from a ring thread.
 */
final class LifecycleLines
{
    private LifecycleLines()
    {
    }

    static JsonLine recoveryCompleted(final LiveEngine engine)
    {
        final SnapshotRecovery.Result recovery = engine.startup().recovery();
        final TradingStateNote state = engine.startup().tradingState();
        return JsonLine.now(JsonLine.INFO, "recovery_completed").field("recovered_events", engine.recoveredEvents())
            .field("snapshot", recovery.snapshot() == null ? null : recovery.snapshot().toString())
            .field("tail_events", recovery.tailEvents()).field("snapshots_skipped", recovery.skipped().size())
            .field("open_orders", engine.orderLog().openOrders().size()).field("journal", engine.journal().dir().toString())
            .field("torn_tail_repaired", engine.startup().tornTailRepaired())
            .field("trading_state", state.state().name())
            .field("trading_state_reason", state.reason())
            .field("how_to_lift", state.howToLift())
            .field("settings_changes", engine.startup().settingsContinuation() == null ? List.of() :
                engine.startup().settingsContinuation().changes());
    }

    static JsonLine started(final LiveEngine engine)
    {
        return JsonLine.now(JsonLine.INFO, "engine_started").field("products", engine.settings().products())
            .field("strategies", OrderLog.strategyNames(engine.core().strategies()))
            .field("venue", engine.liveVenue() != null ? "live" : "paper").field("market_data", engine.feed().endpoint());
    }

    static JsonLine stopping()
    {
        return JsonLine.now(JsonLine.INFO, "engine_stopping");
    }

    static JsonLine stopped(final LiveEngine engine)
    {
        final CoreMetrics m = engine.coreMetrics();
        final Throwable coreError = engine.core().lastError();
        return JsonLine.now(coreError != null ? JsonLine.ERROR : JsonLine.INFO, "engine_stopped")
            .field("events", m.events.get()).field("journal_events", engine.journal().eventsWritten())
            .field("orders", m.orders.get()).field("fills", m.fills.get()).field("cancels", m.cancels.get())
            .field("rejects", m.totalRejects()).field("open_orders", engine.orderLog().openOrders().size())
            .field("order_log_dropped", engine.orderLog().dropped()).field("trading_state",
                engine.tradingSwitch().isHalted() ? "HALTED" : TradingState.values()[(int) m.tradingState.get()].name())
            .field("core_error", coreError == null ? null : coreError.toString())
            .field("output_digest", engine.results().outputDigestHex()).field("state_hash", engine.results().stateHashHex());
    }
}
