package dev.peregrine.core.snapshot;

import org.agrona.DirectBuffer;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Reads a state stream written by {@link StateWriter} back into freshly built roots of the same settings.
 *
 * <p>The stream drives the walk: each object in it is matched with the object the fresh engine holds at the
 * same place and its fields are overwritten in place, so the engine's wiring (final references, listeners,
 * lambdas, opaque parts) stays as built. Final fields are compared rather than written: a window length or
 * instrument count that differs means the snapshot was taken under other settings, and reading stops with a
 * {@link SnapshotMismatchException} naming the field. Where the running engine had swapped a non-final
 * reference (a strategy's state object, a grown array), a new object is made and the reference set.
 *
 * <p>After a mismatch the roots are half-written: throw them away. Single-threaded; call it before the
 * roots run on any other thread (the engine's start publishes them to its threads).
 */
public final class StateReader
{
    private final StateInput in;
    private final List<Object> objects = new ArrayList<>();
    private final IdentityHashMap<Object, Boolean> restored = new IdentityHashMap<>();
    private final List<Class<?>> classes = new ArrayList<>();

    private StateReader(final DirectBuffer buffer, final int offset, final int length)
    {
        this.in = new StateInput(buffer, offset, length);
    }

    /**
     * Reads {@code length} bytes at {@code offset} into {@code roots}, which must be the same number and
     * classes, in the same order, as those written.
     *
     * @throws SnapshotMismatchException if the bytes do not fit the roots
     */
    public static void read(final DirectBuffer buffer, final int offset, final int length, final Object... roots)
    {
        final StateReader reader = new StateReader(buffer, offset, length);
        try
        {
            reader.readRoots(roots);
        }
        catch (final IndexOutOfBoundsException | IllegalArgumentException | ClassCastException ex)
        {
            throw new SnapshotMismatchException("the snapshot's state does not fit this engine: " + ex, ex);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new SnapshotMismatchException("cannot restore the snapshot's state: " + ex, ex);
        }
        if (reader.in.remaining() != 0)
        {
            throw new SnapshotMismatchException("the snapshot's state has " + reader.in.remaining() +
                " bytes more than this engine holds");
        }
    }

    private void readRoots(final Object[] roots) throws ReflectiveOperationException
    {
        final int version = in.getInt();
        if (version != StateWriter.FORMAT_VERSION)
        {
            throw new SnapshotMismatchException("state format version " + version + ", this build reads " +
                StateWriter.FORMAT_VERSION);
        }
        final int count = in.getInt();
        if (count != roots.length)
        {
            throw new SnapshotMismatchException("the snapshot holds " + count + " parts, this engine " + roots.length);
        }
        for (final Object root : roots)
        {
            final byte tag = in.getByte();
            final Class<?> type = tag == StateTags.OBJECT ? getClassRef() : null;
            if (type != root.getClass())
            {
                throw new SnapshotMismatchException("the snapshot holds " + (type == null ? "no object" : type.getName()) +
                    " where this engine has " + root.getClass().getName());
            }
            register(root);
            readFields(root);
        }
    }

    private void register(final Object object)
    {
        objects.add(object);
        restored.put(object, Boolean.TRUE);
    }

    private void readFields(final Object object) throws ReflectiveOperationException
    {
        for (final Field field : StateLayout.fields(object.getClass()))
        {
            final Class<?> type = field.getType();
            final boolean isFinal = Modifier.isFinal(field.getModifiers());
            if (type.isPrimitive())
            {
                PrimitiveReads.readField(in, field, object, type, isFinal);
                continue;
            }
            final Object current = field.get(object);
            final Object next = readReference(current);
            if (next != current)
            {
                if (isFinal)
                {
                    throw SnapshotMismatchException.forField(field, current, next);
                }
                field.set(object, next);
            }
        }
    }

    /** The object the stream holds where {@code current} is now: {@code current} itself when it fits. */
    private Object readReference(final Object current) throws ReflectiveOperationException
    {
        final byte tag = in.getByte();
        switch (tag)
        {
            case StateTags.NULL:
                return null;
            case StateTags.OPAQUE:
                return current;
            case StateTags.REF:
                return objects.get(in.getInt());
            case StateTags.STRING:
                return same(current, in.getString());
            case StateTags.ENUM:
                return getClassRef().getEnumConstants()[in.getInt()];
            case StateTags.LONG:
                return same(current, in.getLong());
            case StateTags.INT:
                return same(current, in.getInt());
            case StateTags.DOUBLE:
                return same(current, Double.longBitsToDouble(in.getLong()));
            case StateTags.BOOLEAN:
                return same(current, in.getByte() != 0);
            case StateTags.FAILURE:
                final String printed = in.getString();
                return current != null && printed.equals(current.toString()) ? current : new RestoredFailure(printed);
            case StateTags.OBJECT:
                return readObject(current);
            case StateTags.ARRAY:
                return readArray(current);
            default:
                throw new SnapshotMismatchException("unknown state record " + tag + " at byte " + (in.position() - 1));
        }
    }

    private static Object same(final Object current, final Object value)
    {
        return value.equals(current) ? current : value;
    }

    private Object readObject(final Object current) throws ReflectiveOperationException
    {
        final Class<?> type = getClassRef();
        final Object target;
        if (current != null && current.getClass() == type && !restored.containsKey(current))
        {
            target = current;
        }
        else
        {
            final Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            target = constructor.newInstance();
        }
        register(target);
        readFields(target);
        return target;
    }

    private Object readArray(final Object current) throws ReflectiveOperationException
    {
        final Class<?> type = getClassRef();
        final int length = in.getInt();
        final Object array = current != null && current.getClass() == type && Array.getLength(current) == length &&
            !restored.containsKey(current) ? current : Array.newInstance(type.getComponentType(), length);
        register(array);
        if (!PrimitiveReads.readElements(in, array, type.getComponentType()))
        {
            final Object[] values = (Object[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = readReference(values[i]);
            }
        }
        return array;
    }

    private Class<?> getClassRef() throws ClassNotFoundException
    {
        final int index = in.getInt();
        if (index >= 0)
        {
            return classes.get(index);
        }
        final Class<?> type = Class.forName(in.getString(), false, StateReader.class.getClassLoader());
        classes.add(type);
        return type;
    }
}
