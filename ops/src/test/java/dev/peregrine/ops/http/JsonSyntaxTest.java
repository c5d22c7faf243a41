package dev.peregrine.ops.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Admin bodies: one JSON object or a 400 whose reason says what is wrong and where. */
class JsonSyntaxTest
{
    @Test
    void oneObjectIsFine()
    {
        assertThat(JsonSyntax.objectProblem("{}")).isNull();
        assertThat(JsonSyntax.objectProblem(" {\"reason\": \"drill\", \"n\": [1, 2.5, -3e2, true, null]} \n")).isNull();
    }

    @Test
    void problemsAreNamedWithTheirOffset()
    {
        assertThat(JsonSyntax.objectProblem("{\"reason\": oops}")).isEqualTo("invalid JSON: expected a value at offset 11");
        assertThat(JsonSyntax.objectProblem("{\"a\" 1}")).isEqualTo("invalid JSON: expected ':' at offset 5");
        assertThat(JsonSyntax.objectProblem("{\"a\":1,}")).isEqualTo("invalid JSON: expected '\"' at offset 7");
        assertThat(JsonSyntax.objectProblem("{\"a\":1 \"b\":2}")).isEqualTo("invalid JSON: expected '}' at offset 7");
        assertThat(JsonSyntax.objectProblem("[1,2]")).isEqualTo("the body must be a JSON object, e.g. {} (at offset 0)");
        assertThat(JsonSyntax.objectProblem("{} x")).isEqualTo("unexpected text after the JSON object at offset 3");
        assertThat(JsonSyntax.objectProblem("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}"))
            .startsWith("invalid JSON: nesting deeper than 32");
    }
}
