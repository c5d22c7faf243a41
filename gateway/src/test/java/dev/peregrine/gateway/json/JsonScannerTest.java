package dev.peregrine.gateway.json;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonScannerTest
{
    @ParameterizedTest
    @ValueSource(strings = {
        "{}", " { } ", "[]", "0", "-0.5e+10", "\"a\\u00e9\\n\\\"b\"", "true", "null",
        "{\"a\":[1,2,{\"b\":false}],\"c\":\"\u00e9\u20ac\"}", "[[[[[]]]]]"})
    void acceptsValidJson(final String text)
    {
        assertThat(skip(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length - trailingSpaces(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[1 2]", "01", "-", "1.", "1e", ".5", "NaN", "Infinity",
        "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12g4\"", "{a:1}", "'a'", "\"tab\there\""})
    void rejectsInvalidJson(final String text)
    {
        final JsonScanner scanner = new JsonScanner();
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        scanner.wrap(bytes, 0, bytes.length);
        final int end = scanner.skipValue(0);
        assertThat(end < 0 || !atEnd(scanner, end)).as(text).isTrue();
    }

    @Test
    void rejectsNestingDeeperThanTheLimit()
    {
        final String deep = "[".repeat(JsonScanner.MAX_DEPTH + 1) + "]".repeat(JsonScanner.MAX_DEPTH + 1);
        assertThat(skip(deep)).isNegative();
    }

    @Test
    void walksMembersAndReportsSpans()
    {
        final byte[] bytes = "{\"k\":\"v\",\"n\":12,\"o\":{\"x\":[1]}}".getBytes(StandardCharsets.US_ASCII);
        final JsonScanner scanner = new JsonScanner();
        scanner.wrap(bytes, 0, bytes.length);
        assertThat(scanner.enterObject()).isTrue();
        assertThat(scanner.nextMember()).isEqualTo(JsonScanner.ITEM);
        assertThat(scanner.keyEquals("k".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(scanner.valueKind()).isEqualTo(JsonScanner.KIND_STRING);
        assertThat(new String(bytes, scanner.stringStart(), scanner.stringLength(), StandardCharsets.US_ASCII)).isEqualTo("v");
        assertThat(scanner.nextMember()).isEqualTo(JsonScanner.ITEM);
        assertThat(scanner.valueKind()).isEqualTo(JsonScanner.KIND_NUMBER);
        assertThat(scanner.nextMember()).isEqualTo(JsonScanner.ITEM);
        assertThat(scanner.valueKind()).isEqualTo(JsonScanner.KIND_OBJECT);
        assertThat(scanner.nextMember()).isEqualTo(JsonScanner.END);
        assertThat(scanner.atEnd()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", " { } ", "[]", "0", "-0.5e+10", "\"a\\u00e9\\n\\\"b\"", "true", "null", "[1,false ]",
        "{\"a\":[1,2,{\"b\":false}],\"c\":\"\u00e9\u20ac\"}", "[[[[[]]]]]", "{\"a\\\\\":\"]}\\\\\"}"})
    void trustedSkipFindsTheSameEndAsTheValidatingSkip(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        final JsonScanner scanner = new JsonScanner();
        scanner.wrap(bytes, 0, bytes.length);
        int p = 0;
        while (p < bytes.length && bytes[p] == ' ')
        {
            p++;
        }
        final int validated = scanner.skipValue(p);
        scanner.trustValidated();
        assertThat(scanner.skipFrom(p)).isEqualTo(JsonScanner.ITEM);
        assertThat(scanner.valueEnd()).as(text).isEqualTo(validated);
    }

    @Test
    void trustedLazyWalkDescendsWithoutSkippingAndMatchesTheValidatingWalk()
    {
        final byte[] bytes = ("{ \"a\" : [ {\"k\":\"v\\\"\\\\\", \"n\": -1.5e3} , 7 ] , \"b\":true,\"c\":{\"x\":[1,{}]} }")
            .getBytes(StandardCharsets.US_ASCII);
        final JsonScanner scanner = new JsonScanner();
        scanner.wrap(bytes, 0, bytes.length);
        assertThat(scanner.skipValue(0)).isEqualTo(bytes.length);
        scanner.trustValidated();
        scanner.position(0);
        assertThat(scanner.enterObject()).isTrue();
        assertThat(scanner.nextKey()).isEqualTo(JsonScanner.ITEM);
        assertThat(scanner.keyEquals("a".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(scanner.valueKind()).isEqualTo(JsonScanner.KIND_ARRAY);
        assertThat(scanner.enterArray()).isTrue();
        assertThat(scanner.nextElementStart()).isEqualTo(JsonScanner.ITEM);
        assertThat(scanner.valueKind()).isEqualTo(JsonScanner.KIND_OBJECT);
        assertThat(scanner.enterObject()).isTrue();
        assertThat(scanner.nextMember()).isEqualTo(JsonScanner.ITEM);
        assertThat(new String(bytes, scanner.stringStart(), scanner.stringLength(), StandardCharsets.US_ASCII))
            .isEqualTo("v\\\"\\\\");
        assertThat(scanner.nextMember()).isEqualTo(JsonScanner.ITEM);
        assertThat(new String(bytes, scanner.valueStart(), scanner.valueEnd() - scanner.valueStart(), StandardCharsets.US_ASCII))
            .isEqualTo("-1.5e3");
        assertThat(scanner.nextMember()).isEqualTo(JsonScanner.END);
        assertThat(scanner.nextElement()).isEqualTo(JsonScanner.ITEM);
        assertThat(scanner.valueKind()).isEqualTo(JsonScanner.KIND_NUMBER);
        assertThat(scanner.nextElementStart()).isEqualTo(JsonScanner.END);
        assertThat(scanner.nextMember()).isEqualTo(JsonScanner.ITEM);
        assertThat(scanner.valueKind()).isEqualTo(JsonScanner.KIND_TRUE);
        assertThat(scanner.nextKey()).isEqualTo(JsonScanner.ITEM);
        assertThat(scanner.skipCurrentValue()).isEqualTo(JsonScanner.ITEM);
        assertThat(scanner.valueEnd()).isEqualTo(bytes.length - 2);
        assertThat(scanner.nextKey()).isEqualTo(JsonScanner.END);
        assertThat(scanner.atEnd()).isTrue();
    }

    private static int skip(final String text)
    {
        final JsonScanner scanner = new JsonScanner();
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        scanner.wrap(bytes, 0, bytes.length);
        int p = 0;
        while (p < bytes.length && bytes[p] == ' ')
        {
            p++;
        }
        return scanner.skipValue(p);
    }

    private static boolean atEnd(final JsonScanner scanner, final int end)
    {
        scanner.position(end);
        return scanner.atEnd();
    }

    private static int trailingSpaces(final String text)
    {
        int n = 0;
        for (int i = text.length() - 1; i >= 0 && text.charAt(i) == ' '; i--)
        {
            n++;
        }
        return n;
    }
}
