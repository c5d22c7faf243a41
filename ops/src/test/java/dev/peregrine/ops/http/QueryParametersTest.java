package dev.peregrine.ops.http;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParametersTest
{
    private static final Map<String, Consumer<String>> CHECKS = Map.of(
        "limit", value -> QueryParameters.limit(value, 10),
        "name", value -> { });

    @Test
    void checkedReturnsTheDecodedParametersWhenEachPassesItsCheck()
    {
        final Map<String, String> parameters = QueryParameters.checked("name=a%20b&limit=3", CHECKS, "limit, name");
        assertThat(parameters).containsExactly(Map.entry("name", "a b"), Map.entry("limit", "3"));
        assertThat(QueryParameters.limitOr(parameters, 7, 10)).isEqualTo(3);
        assertThat(QueryParameters.limitOr(QueryParameters.checked(null, CHECKS, "limit, name"), 7, 10)).isEqualTo(7);
    }

    @Test
    void theFirstBadParameterInTheQueryIsTheOneReported()
    {
        assertThatThrownBy(() -> QueryParameters.checked("limit=0&other=1", CHECKS, "limit, name"))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be an integer from 1 to 10, got '0'");
        assertThatThrownBy(() -> QueryParameters.checked("other=1&limit=0", CHECKS, "limit, name"))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown parameter 'other' (use limit, name)");
    }
}
