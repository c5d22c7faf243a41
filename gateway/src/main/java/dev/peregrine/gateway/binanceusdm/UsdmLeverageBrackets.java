package dev.peregrine.gateway.binanceusdm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.core.instrument.MarginTier;
import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.venue.CatalogFields;
import dev.peregrine.gateway.venue.CatalogSource.PublicGet;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The margin tiers of a contract from {@code GET /fapi/v1/leverageBracket?symbol=}:
 * {@code [{"symbol","brackets":[{"bracket","initialLeverage","notionalCap","notionalFloor","maintMarginRatio","cum"}]}]}
 * (JSON numbers; one object rather than an array in some answers to a {@code symbol} request: both are read). The
 * real venue serves it only to a signed request (USER_DATA), so a catalog loaded without a key keeps the single tier
 * {@code exchangeInfo}'s percents give; an emulator that answers it unsigned gives the tiers. The last bracket's cap is
 * taken as unbounded, so every notional has a tier.
 */
final class UsdmLeverageBrackets
{
    private UsdmLeverageBrackets()
    {
    }

    /** {@code product} with the tiers {@code url} answers, or unchanged (its single tier) when it answers none. */
    static Product tiered(final Product product, final PublicGet get, final URI url)
    {
        final String body;
        try
        {
            body = get.get(url);
        }
        catch (final IOException unsigned)
        {
            return product; // the venue wants a signed request: the percents' single tier stands
        }
        final List<MarginTier> tiers = parse(CatalogFields.json(body, url.toString()), product.symbol(), url.toString());
        if (tiers.isEmpty())
        {
            return product;
        }
        long maxLeverage = 0;
        for (final MarginTier tier : tiers)
        {
            maxLeverage = Math.max(maxLeverage, tier.maxLeverage());
        }
        return UsdmContracts.withTerms(product, maxLeverage, tiers, product.perpetual().settlementCurrency());
    }

    /**
     * The brackets of {@code symbol} in a leverageBracket answer, ascending; empty when it lists none for it.
     *
     * @throws IllegalArgumentException naming {@code source}, the symbol and the bracket when one is not the documented shape.
     */
    static List<MarginTier> parse(final JsonNode answer, final String symbol, final String source)
    {
        JsonNode brackets = null;
        for (final JsonNode entry : answer.isArray() ? answer : List.of(answer))
        {
            if (symbol.equals(entry.path("symbol").asText()))
            {
                brackets = entry.path("brackets");
            }
        }
        final List<MarginTier> tiers = new ArrayList<>();
        if (brackets == null || !brackets.isArray())
        {
            return tiers;
        }
        for (int i = 0; i < brackets.size(); i++)
        {
            final JsonNode bracket = brackets.get(i);
            final String where = symbol + " bracket " + (i + 1);
            final long floor = number(bracket, "notionalFloor", source, where);
            final long cap = i == brackets.size() - 1 ? Long.MAX_VALUE : number(bracket, "notionalCap", source, where);
            tiers.add(new MarginTier(floor, cap, number(bracket, "initialLeverage", source, where),
                number(bracket, "maintMarginRatio", source, where), number(bracket, "cum", source, where)));
        }
        return tiers;
    }

    private static long number(final JsonNode bracket, final String field, final String source, final String where)
    {
        final JsonNode value = bracket.get(field);
        if (value == null || !value.isNumber() && !value.isTextual())
        {
            throw new IllegalArgumentException(source + ": " + where + " has no " + field);
        }
        final long parsed = FixedPoint.parse(value.asText());
        if (FixedPoint.isError(parsed) || parsed < 0)
        {
            throw new IllegalArgumentException(source + ": " + where + " has " + field + " '" + value.asText() +
                "', not a decimal >= 0 of at most " + FixedPoint.DECIMALS + " places");
        }
        return parsed;
    }
}
