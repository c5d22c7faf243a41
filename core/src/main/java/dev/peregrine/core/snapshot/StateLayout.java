package dev.peregrine.core.snapshot;

import dev.peregrine.core.decision.DecisionLog;
import dev.peregrine.core.decision.DecisionSink;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.output.OutputListener;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which objects a state snapshot walks, and in which order it visits their fields.
 *
 * <p>The core's state is every object it built at construction (books, pools, indicators, strategies,
 * counters) and never replaces on the hot path: that is what the zero-allocation rule guarantees, and why a
 * snapshot can walk the object graph of a running core and pour the values back into a freshly built
 * one. Walking the graph rather than listing fields by hand means a field added tomorrow is covered
 * without anyone remembering the snapshot, which is the failure mode a hand-written mirror of
 * {@code hash(long)} would have.
 *
 * <p>Walked: Peregrine classes and arrays. Left alone ("opaque"): anything else (JDK, Disruptor, Agrona,
 * HdrHistogram objects are wiring or off-core measurements), lambdas, the outputs, decision logs and
 * decision sinks a core was handed (their state belongs to whoever wired them, and a live engine hands its
 * core a decision queue shared with another thread; the snapshot names its roots instead), and the ring
 * slot of the event being processed.
 *
 * <p>Fields are visited superclass first, each class's fields sorted by name, so the order does not
 * depend on the JVM's reflection order.
 */
final class StateLayout
{
    private static final ConcurrentHashMap<Class<?>, Field[]> FIELDS = new ConcurrentHashMap<>();

    private StateLayout()
    {
    }

    /** True if an object of this class reached through a field is walked (roots always are). */
    static boolean walked(final Class<?> type)
    {
        if (type.isArray())
        {
            return true;
        }
        if (type.isHidden() || type.isSynthetic() || !type.getName().startsWith("dev.peregrine."))
        {
            return false;
        }
        return !OutputListener.class.isAssignableFrom(type) && !DecisionSink.class.isAssignableFrom(type) &&
            !DecisionLog.class.isAssignableFrom(type) && type != InboundEvent.class && !Thread.class.isAssignableFrom(type);
    }

    /** True for the immutable values written by value: strings, enums and boxed primitives. */
    static boolean value(final Class<?> type)
    {
        return type == String.class || type.isEnum() || (type.getSuperclass() != null && type.getSuperclass().isEnum()) ||
            type == Long.class || type == Integer.class || type == Double.class || type == Boolean.class;
    }

    static Field[] fields(final Class<?> type)
    {
        return FIELDS.computeIfAbsent(type, StateLayout::layout);
    }

    private static Field[] layout(final Class<?> type)
    {
        final List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass())
        {
            chain.add(0, c);
        }
        final List<Field> fields = new ArrayList<>();
        for (final Class<?> c : chain)
        {
            final Field[] declared = c.getDeclaredFields();
            Arrays.sort(declared, Comparator.comparing(Field::getName));
            for (final Field field : declared)
            {
                if (Modifier.isStatic(field.getModifiers()))
                {
                    continue;
                }
                field.setAccessible(true);
                fields.add(field);
            }
        }
        return fields.toArray(new Field[0]);
    }
}
