package dev.peregrine.ops;

import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.config.ConfigException;
import dev.peregrine.ops.config.ConfigProblem;
import dev.peregrine.ops.config.DaemonConfig;
import dev.peregrine.ops.config.DaemonConfigLoader;
import dev.peregrine.ops.config.JournalContinuationCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code peregrine config check}: exactly the validation {@code run} does at start, without starting anything. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Works with daemon configuration files.",
    subcommands = {ConfigCommand.Check.class})
public final class ConfigCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    @Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {"Validates a configuration as 'peregrine run' would (keys, types, limits, strategies, ports,",
            "journal folder, secrets, environment overrides) and prints OK or every problem; exit 0 or 2.",
            "With --journal DIR, also whether the settings continue that journal and what changes (exit 2 if refused)."})
    public static final class Check implements Callable<Integer>
    {
        @Spec
        private CommandSpec spec;

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "The YAML configuration file.")
        private Path config;

        @Option(names = "--profile", paramLabel = "paper|live", description = "Overrides the file's profile.")
        private String profile;

        @Option(names = "--member", paramLabel = "N",
            description = "With a cluster section: check it as member N would run it (run --member N).")
        private Integer member;

        @Option(names = "--journal", paramLabel = "DIR", description = {"Also says whether these settings continue the " +
            "journal in DIR (its state recovered, nothing written): what changes, or what blocks; exit 2 when refused."})
        private Path journal;

        @Override
        public Integer call()
        {
            try
            {
                final DaemonConfig cfg = DaemonConfigLoader.load(config, profile, System.getenv(), true, member);
                final PrintWriter out = spec.commandLine().getOut();
                final java.util.List<String> strategies = new java.util.ArrayList<>();
                cfg.settings().strategies().forEach(s -> strategies.add(s.name()));
                out.println("OK: " + config + " (profile " + cfg.profile() + ", venue " + cfg.venue() + ", products " +
                    String.join(",", cfg.settings().products()) + ", strategies " +
                    (strategies.isEmpty() ? "ma-crossover (default)" : String.join(",", strategies)) +
                    ", journal " + cfg.journalDir() + ")");
                if (cfg.clustered())
                {
                    final dev.peregrine.ops.config.ClusterConfig cluster = cfg.cluster();
                    out.println("  cluster: member " + cluster.memberId() + " of " + cluster.members().size() + " " +
                        cluster.members().hosts() + ", ports from " + cluster.members().portBase() + ", member folder " +
                        cluster.memberDir() + ", health " + cfg.healthPort() + ", metrics " + cfg.metricsPort());
                    for (final String ignored : cluster.ignored())
                    {
                        out.println("  cluster: ignored by a cluster member: " + ignored);
                    }
                    cluster.ephemeralPortWarning().ifPresent(warning -> out.println("  cluster: warning: " + warning));
                }
                for (final String override : cfg.overrides())
                {
                    out.println("  overridden: " + override);
                }
                for (final String line : cfg.catalog().lines())
                {
                    out.println("  " + line);
                }
                for (final String line : cfg.perpetual().lines(cfg.settings().products()))
                {
                    out.println("  " + line);
                }
                final dev.peregrine.core.risk.PerpetualLimits limits = cfg.settings().risk().perpetual;
                if (!limits.isNone())
                {
                    out.println("  perpetual risk: max leverage per product " + java.util.Arrays.toString(limits.maxLeverage()) +
                        ", account " + limits.maxAccountLeverage() + ", max margin ratio " + limits.maxMarginRatio() +
                        ", min liquidation distance " + limits.minLiquidationDistance() + "%, max funding rate per product " +
                        java.util.Arrays.toString(limits.maxFundingRate()) + " (0 = none)");
                }
                if (journal != null)
                {
                    return JournalContinuationCheck.run(journal, cfg.settings(), out, spec.commandLine().getErr());
                }
                return ExitCodes.OK;
            }
            catch (final ConfigException ex)
            {
                final PrintWriter err = spec.commandLine().getErr();
                err.println("peregrine config check: " + config + ": " + ex.problems().size() + " problem" +
                    (ex.problems().size() == 1 ? "" : "s") + ":");
                for (final ConfigProblem problem : ex.problems())
                {
                    err.println("  " + problem);
                }
                return ExitCodes.USAGE;
            }
        }
    }
}
