package dev.peregrine.core.snapshot;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.IdentityHashMap;

/**
 * Writes the state of a set of root objects (a {@code TradingCore}, its output digest, the ledgers fed by
 * its outputs) into one reusable buffer: a walk of their object graph in {@link StateLayout} order, every
 * field of every Peregrine object the roots reach, pools and open orders included. {@link StateReader}
 * walks a freshly built engine in the same order and pours the values back.
 *
 * <p>Layout (little-endian): {@code int FORMAT_VERSION, int rootCount}, then each root as an {@code OBJECT}
 * record. A record starts with a {@link StateTags} byte. A class is an int: its index in this stream's class
 * table, or -1 followed by its name (UTF-8, int length first) the first time it appears. Primitive fields
 * are written at their own width (boolean as a byte, float and double as their bits); a primitive array
 * as its elements in order.
 *
 * <p>Not on the hot path: a snapshot is taken every N events on the core thread, between two events, and
 * costs a walk of the state (reflection; a few milliseconds for a typical core). The buffer is kept and
 * reused, so a steady engine allocates only the walk's bookkeeping. Single-threaded.
 */
public final class StateWriter
{
    public static final int FORMAT_VERSION = 1;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 20);
    private final IdentityHashMap<Object, Integer> ids = new IdentityHashMap<>();
    private final HashMap<Class<?>, Integer> classes = new HashMap<>();
    private int position;

    /**
     * Writes the state of {@code roots}, in that order, from offset 0 of {@link #buffer()}.
     *
     * @return the number of bytes written
     */
    public int write(final Object... roots)
    {
        position = 0;
        ids.clear();
        classes.clear();
        try
        {
            putInt(FORMAT_VERSION);
            putInt(roots.length);
            for (final Object root : roots)
            {
                writeObject(root);
            }
        }
        catch (final IllegalAccessException ex)
        {
            throw new IllegalStateException("cannot read the engine's state for a snapshot: " + ex.getMessage(), ex);
        }
        return position;
    }

    /** The bytes of the last {@link #write}, from offset 0. */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    private void writeReference(final Object value) throws IllegalAccessException
    {
        if (value == null)
        {
            putByte(StateTags.NULL);
            return;
        }
        final Integer id = ids.get(value);
        if (id != null)
        {
            putByte(StateTags.REF);
            putInt(id);
            return;
        }
        final Class<?> type = value.getClass();
        if (StateLayout.value(type))
        {
            writeValue(value);
        }
        else if (value instanceof Throwable)
        {
            putByte(StateTags.FAILURE);
            putString(value.toString());
        }
        else if (!StateLayout.walked(type))
        {
            putByte(StateTags.OPAQUE);
        }
        else if (type.isArray())
        {
            writeArray(value);
        }
        else
        {
            writeObject(value);
        }
    }

    private void writeValue(final Object value)
    {
        if (value instanceof String)
        {
            putByte(StateTags.STRING);
            putString((String)value);
        }
        else if (value instanceof Enum)
        {
            putByte(StateTags.ENUM);
            putClass(((Enum<?>)value).getDeclaringClass());
            putInt(((Enum<?>)value).ordinal());
        }
        else if (value instanceof Long)
        {
            putByte(StateTags.LONG);
            putLong((Long)value);
        }
        else if (value instanceof Integer)
        {
            putByte(StateTags.INT);
            putInt((Integer)value);
        }
        else if (value instanceof Double)
        {
            putByte(StateTags.DOUBLE);
            putLong(Double.doubleToRawLongBits((Double)value));
        }
        else
        {
            putByte(StateTags.BOOLEAN);
            putByte((byte)((Boolean)value ? 1 : 0));
        }
    }

    private void writeObject(final Object object) throws IllegalAccessException
    {
        ids.put(object, ids.size());
        putByte(StateTags.OBJECT);
        putClass(object.getClass());
        for (final Field field : StateLayout.fields(object.getClass()))
        {
            final Class<?> type = field.getType();
            if (type.isPrimitive())
            {
                writePrimitive(field, object, type);
            }
            else
            {
                writeReference(field.get(object));
            }
        }
    }

    private void writePrimitive(final Field field, final Object object, final Class<?> type) throws IllegalAccessException
    {
        if (type == long.class)
        {
            putLong(field.getLong(object));
        }
        else if (type == int.class)
        {
            putInt(field.getInt(object));
        }
        else if (type == double.class)
        {
            putLong(Double.doubleToRawLongBits(field.getDouble(object)));
        }
        else if (type == boolean.class)
        {
            putByte((byte)(field.getBoolean(object) ? 1 : 0));
        }
        else if (type == byte.class)
        {
            putByte(field.getByte(object));
        }
        else if (type == short.class)
        {
            putShort(field.getShort(object));
        }
        else if (type == char.class)
        {
            putShort((short)field.getChar(object));
        }
        else
        {
            putInt(Float.floatToRawIntBits(field.getFloat(object)));
        }
    }

    private void writeArray(final Object array) throws IllegalAccessException
    {
        ids.put(array, ids.size());
        putByte(StateTags.ARRAY);
        putClass(array.getClass());
        final int length = Array.getLength(array);
        putInt(length);
        final Class<?> component = array.getClass().getComponentType();
        if (component == long.class)
        {
            for (final long v : (long[])array)
            {
                putLong(v);
            }
        }
        else if (component == int.class)
        {
            for (final int v : (int[])array)
            {
                putInt(v);
            }
        }
        else if (component == double.class)
        {
            for (final double v : (double[])array)
            {
                putLong(Double.doubleToRawLongBits(v));
            }
        }
        else if (component == boolean.class)
        {
            for (final boolean v : (boolean[])array)
            {
                putByte((byte)(v ? 1 : 0));
            }
        }
        else if (component == byte.class)
        {
            for (final byte v : (byte[])array)
            {
                putByte(v);
            }
        }
        else if (component == short.class)
        {
            for (final short v : (short[])array)
            {
                putShort(v);
            }
        }
        else if (component == char.class)
        {
            for (final char v : (char[])array)
            {
                putShort((short)v);
            }
        }
        else if (component == float.class)
        {
            for (final float v : (float[])array)
            {
                putInt(Float.floatToRawIntBits(v));
            }
        }
        else
        {
            for (final Object element : (Object[])array)
            {
                writeReference(element);
            }
        }
    }

    private void putClass(final Class<?> type)
    {
        final Integer index = classes.get(type);
        if (index != null)
        {
            putInt(index);
            return;
        }
        classes.put(type, classes.size());
        putInt(-1);
        putString(type.getName());
    }

    private void putString(final String value)
    {
        final int length = buffer.putStringUtf8(position, value, ByteOrder.LITTLE_ENDIAN, Integer.MAX_VALUE);
        position += length;
    }

    private void putByte(final byte value)
    {
        buffer.putByte(position, value);
        position += 1;
    }

    private void putShort(final short value)
    {
        buffer.putShort(position, value, ByteOrder.LITTLE_ENDIAN);
        position += 2;
    }

    private void putInt(final int value)
    {
        buffer.putInt(position, value, ByteOrder.LITTLE_ENDIAN);
        position += 4;
    }

    private void putLong(final long value)
    {
        buffer.putLong(position, value, ByteOrder.LITTLE_ENDIAN);
        position += 8;
    }
}
