package dev.peregrine.core.snapshot;

import java.lang.reflect.Array;
import java.lang.reflect.Field;

/**
 * How primitives come back from a state stream: a primitive field at its own width (boolean as a byte,
 * float and double as their bits), and the elements of a primitive array in order. The mirror of what
 * {@link StateWriter} puts.
 */
final class PrimitiveReads
{
    private PrimitiveReads()
    {
    }

    /** Reads a primitive field's value; a final field is only compared (a difference means other settings). */
    static void readField(final StateInput in, final Field field, final Object object, final Class<?> type,
        final boolean isFinal)
        throws IllegalAccessException
    {
        if (type == long.class || type == double.class)
        {
            final long bits = in.getLong();
            final long current = type == long.class ? field.getLong(object) : Double.doubleToRawLongBits(field.getDouble(object));
            if (bits != current)
            {
                if (isFinal)
                {
                    throw SnapshotMismatchException.forField(field, current, bits);
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
            value = in.getInt();
            current = type == int.class ? field.getInt(object) : Float.floatToRawIntBits(field.getFloat(object));
        }
        else if (type == boolean.class)
        {
            value = in.getByte();
            current = field.getBoolean(object) ? 1 : 0;
        }
        else if (type == byte.class)
        {
            value = in.getByte();
            current = field.getByte(object);
        }
        else
        {
            value = in.getShort();
            current = type == short.class ? field.getShort(object) : (short)field.getChar(object);
        }
        if (value == current)
        {
            return;
        }
        if (isFinal)
        {
            throw SnapshotMismatchException.forField(field, current, value);
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

    /**
     * Fills a primitive array's elements from the stream; false (nothing read) if {@code component} is not a
     * primitive type.
     */
    static boolean readElements(final StateInput in, final Object array, final Class<?> component)
    {
        final int length = Array.getLength(array);
        if (component == long.class)
        {
            final long[] values = (long[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = in.getLong();
            }
        }
        else if (component == int.class)
        {
            final int[] values = (int[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = in.getInt();
            }
        }
        else if (component == double.class)
        {
            final double[] values = (double[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = Double.longBitsToDouble(in.getLong());
            }
        }
        else if (component == boolean.class)
        {
            final boolean[] values = (boolean[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = in.getByte() != 0;
            }
        }
        else if (component == byte.class)
        {
            final byte[] values = (byte[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = in.getByte();
            }
        }
        else if (component == short.class)
        {
            final short[] values = (short[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = in.getShort();
            }
        }
        else if (component == char.class)
        {
            final char[] values = (char[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = (char)in.getShort();
            }
        }
        else if (component == float.class)
        {
            final float[] values = (float[])array;
            for (int i = 0; i < length; i++)
            {
                values[i] = Float.intBitsToFloat(in.getInt());
            }
        }
        else
        {
            return false;
        }
        return true;
    }
}
