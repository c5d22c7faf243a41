package dev.peregrine.gateway.coinbase.emulator;

import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.coinbase.intx.IntxFundingProcess;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The perpetual part of an INTX product's answer (Get Product, List Products): {@code product_type} {@code FUTURE},
 * USDC as quote, venue INTX, and {@code future_product_details} with {@code contract_size}, {@code funding_interval}
 * (a protobuf duration, {@code "3600s"}) and {@code perpetual_details}: {@code funding_rate} and {@code funding_time}
 * of the coming funding (from the emulator's {@link IntxFundingProcess}), {@code max_leverage}, {@code open_interest}
 * (the emulated portfolio's, the only one trading here).
 */
final class EmulatorPerpetualJson
{
    private EmulatorPerpetualJson()
    {
    }

    static void addTo(final Map<String, Object> json, final ProductCatalog.Product product, final EmulatorIntxPortfolio intx,
        final long nowNanos)
    {
        final String id = product.symbol();
        final String base = id.substring(0, id.indexOf('-'));
        final PerpetualTerms terms = product.perpetual();
        final IntxFundingProcess funding = intx.funding();
        final long next = funding.nextFundingTime(nowNanos);
        json.put("product_type", "FUTURE");
        json.put("quote_currency_id", "USDC");
        json.put("quote_name", "USDC");
        json.put("quote_display_symbol", "USDC");
        json.put("quote_min_size", FixedPoint.toString(product.minNotional()));
        json.put("display_name", base + " PERP");
        json.put("product_venue", "INTX");
        final Map<String, Object> perpetual = new LinkedHashMap<>();
        final EmulatorIntxPortfolio.Position held = intx.position(id);
        perpetual.put("open_interest", held == null ? "0" : held.netSize.abs().stripTrailingZeros().toPlainString());
        perpetual.put("funding_rate", FixedPoint.toString(funding.rate(id, next)));
        perpetual.put("funding_time", Instant.ofEpochSecond(next / 1_000_000_000L, next % 1_000_000_000L).toString());
        perpetual.put("max_leverage", FixedPoint.toString(terms.maxLeverage()));
        perpetual.put("base_asset_uuid", UUID.nameUUIDFromBytes(base.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        perpetual.put("underlying_type", "SPOT");
        final Map<String, Object> details = new LinkedHashMap<>();
        details.put("venue", "intx");
        details.put("contract_code", base);
        details.put("contract_expiry", null);
        details.put("contract_size", FixedPoint.toString(terms.contractSize()));
        details.put("contract_root_unit", base);
        details.put("group_description", base + " Perpetual");
        details.put("contract_expiry_timezone", "");
        details.put("group_short_description", base + " PERP");
        details.put("risk_managed_by", "MANAGED_BY_VENUE");
        details.put("contract_expiry_type", "PERPETUAL");
        details.put("perpetual_details", perpetual);
        details.put("contract_display_name", base + " PERP");
        details.put("funding_interval", funding.intervalNanos() / 1_000_000_000L + "s");
        details.put("twenty_four_by_seven", true);
        json.put("future_product_details", details);
    }
}
