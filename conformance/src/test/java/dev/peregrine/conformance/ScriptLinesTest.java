package dev.peregrine.conformance;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a script's output is read (checks, the end marker) and how the known differences are looked up. */
class ScriptLinesTest
{
    @Test
    void passAndFailLinesAreChecksAndAnythingElseIsNot()
    {
        final ScriptRun run = ScriptRun.of("coinbase-ccxt", "ecdsa", String.join("\n",
            "PASS markets", "some client logging", "FAIL ticker: ExchangeError: 404: not found", "FAIL bare",
            "NOTE unhandled rejection: x", "END"), 0);

        assertThat(run.checks()).containsExactly(new CheckLine(true, "markets", ""),
            new CheckLine(false, "ticker", "ExchangeError: 404: not found"), new CheckLine(false, "bare", "(no reason given)"));
        assertThat(run.failures()).extracting(CheckLine::name).containsExactly("ticker", "bare");
        assertThat(run.finished()).isTrue();
        assertThat(run.title()).isEqualTo("coinbase-ccxt (ecdsa)");
    }

    @Test
    void aRunWithoutTheEndMarkerDidNotFinish()
    {
        assertThat(ScriptRun.of("s", "l", "PASS one\n", 1).finished()).isFalse();
    }

    @Test
    void aDifferenceListedForOneRunOutranksOneListedForTheScript()
    {
        final KnownDifferences known = KnownDifferences.parse("test", List.of("# comment", "",
            "coinbase-ccxt | markets | every run", "coinbase-ccxt (ecdsa) | markets | the ecdsa run"));
        final ScriptRun ecdsa = ScriptRun.of("coinbase-ccxt", "ecdsa", "", 0);
        final ScriptRun ed25519 = ScriptRun.of("coinbase-ccxt", "ed25519", "", 0);

        assertThat(known.reason(ecdsa, "markets")).isEqualTo("the ecdsa run");
        assertThat(known.reason(ed25519, "markets")).isEqualTo("every run");
        assertThat(known.reason(ed25519, "ticker")).isNull();
    }

    @Test
    void aLineWithoutThreeFieldsNamesItsPlace()
    {
        assertThatThrownBy(() -> KnownDifferences.parse("known-differences.txt", List.of("# c", "coinbase-ccxt | markets")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("known-differences.txt:2");
    }

    @Test
    void aListedDifferenceThatFailsIsKnownAndOneThatPassesIsStaleAndFailsTheRun()
    {
        final KnownDifferences known = KnownDifferences.parse("test", List.of(
            "coinbase-ccxt (ed25519) | watch orders (ed25519) | client: signs ES256 only"));
        final ScriptRun failing = ScriptRun.of("coinbase-ccxt", "ed25519",
            "PASS markets\nFAIL watch orders (ed25519): Error: Unsupported key format\nEND", 0);
        final ScriptRun passing = ScriptRun.of("coinbase-ccxt", "ed25519", "PASS markets\nPASS watch orders (ed25519)\nEND", 0);
        final List<String> problems = new ArrayList<>();

        assertThat(ConformanceVerdict.judge(failing, known, problems)).contains("KNOWN watch orders (ed25519)");
        assertThat(problems).isEmpty();
        assertThat(ConformanceVerdict.judge(passing, known, problems)).contains("STALE watch orders (ed25519)");
        assertThat(problems).singleElement().asString().startsWith("STALE watch orders (ed25519)");
    }
}
