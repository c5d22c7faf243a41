package dev.peregrine.core.snapshot;

import org.agrona.DirectBuffer;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteOrder;
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
    private final DirectBuffer buffer;
    private final int limit;
    private int position;
    private final List<Object> objects = new ArrayList<>();
    private final IdentityHashMap<Object, Boolean> restored = new IdentityHashMap<>();
    private final List<Class<?>> classes = new ArrayList<>();

    private StateReader(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
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
        if (reader.position != reader.limit)
        {
            throw new SnapshotMismatchException("the snapshot's state has " + (reader.limit - reader.position) +
                " bytes more than this engine holds");
        }
    }

    private void readRoots(final Object[] roots) throws ReflectiveOperationException
    {
        final int version = getInt();
        if (version != StateWriter.FORMAT_VERSION)
        {
            throw new SnapshotMismatchException("state format version " + version + ", this build reads " +
                StateWriter.FORMAT_VERSION);
        }
        final int count = getInt();
        if (count != roots.length)
        {
            throw new SnapshotMismatchException("the snapshot holds " + count + " parts, this engine " + roots.length);
        }
        for (final Object root : roots)
        {
            final byte tag = getByte();
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
                readPrimitive(field, object, type, isFinal);
                continue;
            }
            final Object current = field.get(object);
            final Object next = readReference(current);
            if (next != current)
            {
                if (isFinal)
                {
                    throw mismatch(field, current, next);
                }
                field.set(object, next);
            }
        }
    }

    private void readPrimitive(final Field field, final Object object, final Class<?> type, final boolean isFinal)
        throws IllegalAccessException
    {
        if (type == long.class || type == double.class)
        {
            final long bits = getLong();
            final long current = type == long.class ? field.getLong(object) : Double.doubleToRawLongBits(field.getDouble(object));
            if (bits != current)
            {
                if (isFinal)
                {
                    throw mismatch(field, current, bits);
                }
                if (type == long.class)
                {
                    field.setLong(object, bits);
                }
                else
                {
                    field.setDouble(object, Double.longBitsToDouble(bits));
                }
            }
            return;
        }
        final int value;
        final int current;
        if (type == int.class || type == float.class)
        {
            value = getInt();
            current = type == int.class ? field.getInt(object) : Float.floatToRawIntBits(field.getFloat(object));
        }
        else if (type == boolean.class)
        {
            value = getByte();
            current = field.getBoolean(object) ? 1 : 0;
        }
        else if (type == byte.class)
        {
            value = getByte();
            current = field.getByte(object);
        }
        else
        {
            value = getShort();
            current = type == short.class ? field.getShort(object) : (short)field.getChar(object);
        }
        if (value == current)
        {
            return;
        }
        if (isFinal)
        {
            throw mismatch(field, current, value);
        }
        if (type == int.class)
        {
            field.setInt(object, value);
        }
        else if (type == float.class)
        {
            field.setFloat(object, Float.intBitsToFloat(value));
        }
        else if (type == boolean.class)
        {
            field.setBoolean(object, value != 0);
        }
        else if (type == byte.class)
        {
            field.setByte(object, (byte)value);
        }
        else if (type == short.class)
        {
            field.setShort(object, (short)value);
        }
        else
        {
            field.setChar(object, (char)value);
        }
    }

    /** The object the stream holds where {@code current} is now: {@code current} itself when it fits. */
    private Object readReference(final Object current) throws ReflectiveOperationException
    {
        final byte tag = getByte();
        switch (tag)
        {
            case StateTags.NULL:
                return null;
            case StateTags.OPAQUE:
                return current;
            case StateTags.REF:
                return objects.get(getInt());
            case StateTags.STRING:
                return same(current, getString());
            case StateTags.ENUM:
                return getClassRef().getEnumConstants()[getInt()];
            case StateTags.LONG:
                return same(current, getLong());
            case StateTags.INT:
                return same(current, getInt());
            case StateTags.DOUBLE:
                return same(current, Double.longBitsToDouble(getLong()));
            case StateTags.BOOLEAN:
                return same(current, getByte() != 0);
            case StateTags.FAILURE:
                final String printed = getString();
                return current != null && printed.equals(current.toString()) ? current : new RestoredFailure(printed);
            case StateTags.OBJECT:
                return readObject(current);
            case StateTags.ARRAY:
                return readArray(current);
            default:
                throw new SnapshotMismatchException("unknown state record " + tag + " at byte " + (position - 1));
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
        final int length = getInt();
        final Object array = current != null && current.getClass() == type && Array.getLength(current) == length &&
            !restored.containsKey(current) ? current : Array.newInstance(type.getComponentType(), length);
        register(array);
        final Class<?> component = type.getComponentType();
        if (component == long.class)
        {
            final long[] values = (long[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = getLong();
            }
        }
        else if (component == int.class)
        {
            final int[] values = (int[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = getInt();
            }
        }
        else if (component == double.class)
        {
            final double[] values = (double[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = Double.longBitsToDouble(getLong());
            }
        }
        else if (component == boolean.class)
        {
            final boolean[] values = (boolean[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = getByte() != 0;
            }
        }
        else if (component == byte.class)
        {
            final byte[] values = (byte[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = getByte();
            }
        }
        else if (component == short.class)
        {
            final short[] values = (short[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = getShort();
            }
        }
        else if (component == char.class)
        {
            final char[] values = (char[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = (char)getShort();
            }
        }
        else if (component == float.class)
        {
            final float[] values = (float[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = Float.intBitsToFloat(getInt());
            }
        }
        else
        {
            final Object[] values = (Object[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = readReference(values[i]);
            }
        }
        return array;
    }

    private static SnapshotMismatchException mismatch(final Field field, final Object engine, final Object snapshot)
    {
        return new SnapshotMismatchException(field.getDeclaringClass().getSimpleName() + "." + field.getName() +
            " is " + describe(engine) + " in this engine but " + describe(snapshot) +
            " in the snapshot: it was taken under other settings");
    }

    private static String describe(final Object value)
    {
        return value == null ? "null" : value instanceof String || value instanceof Number || value instanceof Enum ?
            String.valueOf(value) : "another " + value.getClass().getSimpleName();
    }

    private Class<?> getClassRef() throws ClassNotFoundException
    {
        final int index = getInt();
        if (index >= 0)
        {
            return classes.get(index);
        }
        final Class<?> type = Class.forName(getString(), false, StateReader.class.getClassLoader());
        classes.add(type);
        return type;
    }

    private String getString()
    {
        final int length = buffer.getInt(check(4), ByteOrder.LITTLE_ENDIAN);
        check(length);
        final String value = buffer.getStringUtf8(position - 4 - length, ByteOrder.LITTLE_ENDIAN);
        return value;
    }

    /** Moves past {@code n} bytes and returns where they start, or throws if the stream ends first. */
    private int check(final int n)
    {
        if (n < 0 || position + n > limit)
        {
            throw new IndexOutOfBoundsException("the snapshot's state ends early at byte " + position);
        }
        final int at = position;
        position += n;
        return at;
    }

    private byte getByte()
    {
        return buffer.getByte(check(1));
    }

    private short getShort()
    {
        return buffer.getShort(check(2), ByteOrder.LITTLE_ENDIAN);
    }

    private int getInt()
    {
        return buffer.getInt(check(4), ByteOrder.LITTLE_ENDIAN);
    }

    private long getLong()
    {
        return buffer.getLong(check(8), ByteOrder.LITTLE_ENDIAN);
    }
}
