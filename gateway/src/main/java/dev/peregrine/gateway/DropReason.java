package dev.peregrine.gateway;

import dev.peregrine.core.number.FixedPoint;

/**
 * Why the gateway dropped a frame or one entry of a frame. Bad venue input is never thrown out of a
 * decoder: it is counted here, by reason, and the sidecar exports the counts, so a venue format change
 * shows up as a rising counter rather than a dead event loop.
 *
 * <p>The labels are Prometheus label values: never rename one, only add.
 */
public enum DropReason
{
    /** Not JSON, truncated, trailing garbage, or nested deeper than the scanner allows. */
    MALFORMED_JSON("malformed_json"),
    /** Bytes inside a string that are not valid UTF-8 (or any non-ASCII byte outside a string). */
    INVALID_UTF8("invalid_utf8"),
    /** A binary WebSocket frame: the market-data protocol is text only. */
    BINARY_FRAME("binary_frame"),
    /** A frame longer than the configured limit. */
    OVERSIZED_FRAME("oversized_frame"),
    /** A {@code channel} value the gateway does not know. */
    UNKNOWN_CHANNEL("unknown_channel"),
    /** A required key is absent. */
    MISSING_FIELD("missing_field"),
    /** A key holds the wrong JSON type (a number where a string is expected, and so on). */
    WRONG_TYPE("wrong_type"),
    /** A {@code product_id} that is not registered with the engine. */
    UNKNOWN_PRODUCT("unknown_product"),
    /** A decimal that is not a number ({@code FixedPoint.ERR_SYNTAX}): empty, NaN, exponent, stray byte. */
    BAD_NUMBER("bad_number"),
    /** A decimal with more non-zero digits than the fixed-point scale holds. */
    TOO_MANY_DECIMALS("too_many_decimals"),
    /** A number that does not fit a (scaled) long. */
    NUMBER_OVERFLOW("number_overflow"),
    /** A price of zero or below. */
    NON_POSITIVE_PRICE("non_positive_price"),
    /** A negative book quantity, or a trade size of zero or below. */
    BAD_QUANTITY("bad_quantity"),
    /** A timestamp that is not RFC 3339. */
    BAD_TIMESTAMP("bad_timestamp"),
    /** A trade side other than BUY or SELL. */
    BAD_SIDE("bad_side"),
    /** More trade entries in one frame than the decoder holds to reorder (thousands; a real snapshot has 100). */
    TOO_MANY_ENTRIES("too_many_entries");

    private final String label;

    DropReason(final String label)
    {
        this.label = label;
    }

    /**
     * Why a decimal did not parse, from the error code {@code Decimals.parse} returned
     * ({@code FixedPoint.ERR_*}): the one mapping every venue's decoder uses.
     */
    public static DropReason ofDecimalError(final long code)
    {
        if (code == FixedPoint.ERR_TOO_MANY_DECIMALS)
        {
            return TOO_MANY_DECIMALS;
        }
        return code == FixedPoint.ERR_OVERFLOW ? NUMBER_OVERFLOW : BAD_NUMBER;
    }

    /**
     * Why an unsigned integer did not parse, from the negative result {@code Decimals.parseUnsigned}
     * returned: -1 when the text is not a plain integer (a sign, a fraction, an exponent), else overflow.
     */
    public static DropReason ofUnsignedError(final long code)
    {
        return code == -1 ? BAD_NUMBER : NUMBER_OVERFLOW;
    }

    /** The Prometheus label value, e.g. {@code malformed_json}. */
    public String label()
    {
        return label;
    }
}
