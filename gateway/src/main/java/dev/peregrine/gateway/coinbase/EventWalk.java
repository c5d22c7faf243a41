package dev.peregrine.gateway.coinbase;

import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * The drop accounting every walk over a validated frame's {@code events[]} shares: an element that is
 * not an object is a {@code wrong_type} drop, and an event counts once as {@code missing_field} when it
 * has no entries array under its channel's key, or as {@code wrong_type} when the last member under that
 * key is not an array. Static, so the entry pass and the trade index inline the same rules.
 */
final class EventWalk
{
    private EventWalk()
    {
    }

    /** Moves the cursor into the {@code events} array that starts at {@code eventsStart}. */
    static void enterEvents(final JsonScanner scanner, final int eventsStart)
    {
        scanner.position(eventsStart);
        scanner.enterArray();
    }

    /**
     * Moves into the next event object of {@code events[]}, counting and skipping elements that are not
     * objects; false at the end of the array.
     */
    static boolean nextEvent(final JsonScanner scanner, final GatewayMetrics metrics)
    {
        while (scanner.nextElementStart() == JsonScanner.ITEM)
        {
            if (scanner.valueKind() == JsonScanner.KIND_OBJECT)
            {
                scanner.enterObject();
                return true;
            }
            metrics.onEntryDropped(DropReason.WRONG_TYPE);
            scanner.skipCurrentValue();
        }
        return false;
    }

    /** After an event's members: counts an event whose entries array was absent or not an array. */
    static void endEvent(final boolean found, final boolean lastWasArray, final GatewayMetrics metrics)
    {
        if (!found)
        {
            metrics.onEntryDropped(DropReason.MISSING_FIELD);
        }
        else if (!lastWasArray)
        {
            metrics.onEntryDropped(DropReason.WRONG_TYPE);
        }
    }
}
