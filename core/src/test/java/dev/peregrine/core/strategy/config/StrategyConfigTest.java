package dev.peregrine.core.strategy.config;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.number.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Strategy configuration: parsing, validation with every problem at once, and the journal header round trip. */
class StrategyConfigTest
{
    private static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD");
    private static final long[] QUANTITY = {FixedPoint.parse("0.01"), FixedPoint.parse("0.5")};

    @Test
    void parsesTypeNameAndParameters()
    {
        final StrategySpec spec = StrategySpec.parse("ma-crossover:name=fast-one, fast=3,slow=9", "default");
        assertThat(spec.type()).isEqualTo("ma-crossover");
        assertThat(spec.name()).isEqualTo("fast-one");
        assertThat(spec.params()).containsExactly(Map.entry("fast", "3"), Map.entry("slow", "9"));
        assertThat(StrategySpec.parse(spec.toString(), "x")).isEqualTo(spec);
        assertThat(StrategySpec.parse("ma-crossover", "default").name()).isEqualTo("default");
    }

    @Test
    void malformedSpecsSayWhatIsWrong()
    {
        assertThatThrownBy(() -> StrategySpec.parse(":fast=1", "x")).hasMessageContaining("no type");
        assertThatThrownBy(() -> StrategySpec.parse("ma-crossover:fast", "x"))
            .hasMessageContaining("parameter 'fast' is not key=value");
        assertThatThrownBy(() -> StrategySpec.parse("ma-crossover:fast=1,fast=2", "x"))
            .hasMessageContaining("parameter 'fast' given twice");
    }

    @Test
    void everyProblemOfEveryStrategyIsListedAtOnce()
    {
        final List<StrategySpec> specs = List.of(
            StrategySpec.parse("ma-crossover:name=a,fast=abc,slow=5,speed=3", "a"),
            StrategySpec.parse("ma-crossover:name=a,fast=9,slow=5,order=stop", "a"),
            StrategySpec.parse("no-such-type", "b"));
        assertThatThrownBy(() -> BuiltInStrategies.configure(specs, PRODUCTS, QUANTITY))
            .isInstanceOfSatisfying(StrategyConfigException.class, ex -> assertThat(ex.problems()).containsExactly(
                "strategy 'a' (ma-crossover): parameter 'fast' = 'abc': expected an integer from 1 to 100000",
                "strategy 'a' (ma-crossover): unknown parameter 'speed' (known: fast, slow, order, min-hold, warm-up)",
                "strategy name 'a' is used twice; give each a unique name=",
                "strategy 'a' (ma-crossover): parameter 'order' = 'stop': expected one of market, limit",
                "strategy 'a' (ma-crossover): fast (9) must be below slow (5)",
                "strategy 'b': unknown type 'no-such-type' (known: " + String.join(", ", BuiltInStrategies.types()) + ")"));
    }

    @Test
    void typedParametersCheckRangesUnitsAndProducts()
    {
        final StrategyParams params = new StrategyParams(StrategySpec.parse(
            "t:bar=90s,quick=250ms,bad=5 days,instrument=ETH-USD,other=DOGE-USD,quantity=0.25,zero=0,k=2.5,flag=yes", "t"),
            PRODUCTS, QUANTITY);
        assertThat(params.duration("bar", 1)).isEqualTo(90_000_000_000L);
        assertThat(params.duration("quick", 1)).isEqualTo(250_000_000L);
        assertThat(params.duration("bad", 7)).isEqualTo(7);
        assertThat(params.instrument("instrument")).isEqualTo(1);
        assertThat(params.instrument("other")).isZero();
        assertThat(params.quantity("quantity", 1)).isEqualTo(FixedPoint.parse("0.25"));
        assertThat(params.quantity("zero", 1)).as("falls back to the engine's quantity").isEqualTo(QUANTITY[1]);
        assertThat(params.quantity("absent", 0)).isEqualTo(QUANTITY[0]);
        assertThat(params.decimal("k", 2.0, 0.1, 10)).isEqualTo(2.5);
        assertThat(params.bool("flag", false)).isFalse();
        assertThat(params.problems()).containsExactly(
            "strategy 't' (t): parameter 'bad' = '5 days': expected a positive duration such as 500ms, 30s, 1m or 4h",
            "strategy 't' (t): parameter 'other' = 'DOGE-USD': not a configured product (configured: BTC-USD, ETH-USD)",
            "strategy 't' (t): parameter 'zero' = '0': expected a positive quantity such as 0.01",
            "strategy 't' (t): parameter 'flag' = 'yes': expected true or false");
    }

    @Test
    void strategiesTravelInTheJournalHeaderAndChangeTheSettingsDigest()
    {
        final EngineSettings plain = EngineSettings.defaults(TestProducts.CATALOG, PRODUCTS, 1000);
        final EngineSettings configured = plain.withStrategies(List.of(
            StrategySpec.parse("ma-crossover:name=one,fast=3,slow=9", "x"),
            StrategySpec.parse("ma-crossover:name=two,order=limit", "y")));
        final EngineSettings decoded = EngineSettings.decode(configured.encode());
        assertThat(decoded.strategies()).isEqualTo(configured.strategies());
        assertThat(decoded.digest()).isEqualTo(configured.digest());
        assertThat(configured.digest()).isNotEqualTo(plain.digest());
        assertThat(plain.encode()).as("runs of the default strategy keep their old header").doesNotContain("strategies.");
        assertThat(EngineSettings.decode(plain.encode()).strategies()).isEmpty();
    }
}
