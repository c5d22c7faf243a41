package dev.peregrine.ops.assembly;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.journal.BuiltInProducts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VenueCatalogTest
{
    @Test
    void theJournalsTransitionalCopyIsTheVenuesCatalogProductForProduct()
    {
        // Ids, increments and reference prices shape every digest: the two lists must not drift apart.
        assertThat(BuiltInProducts.CATALOG.products())
            .containsExactlyElementsOf(VenueRegistry.standard().catalog().products());
    }
}
