package org.infolens.cli.bench;

import org.infolens.cli.CommandPlugin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code infolens bench ...}: performance and agreement, side by side with the reference implementations. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Side-by-side speed and agreement with the reference implementations, and instrumentation overhead.",
        subcommands = {BmiBench.class, SpeedBench.class, ScalingBench.class, PyrefAgreementBench.class, AgreementBench.class, AccuracyBench.class,
                OverheadBench.class, BackPressureBench.class, GradientOverheadBench.class, DseBench.class, DseTrainingBench.class, SuperpositionBench.class,
                NeuralBench.class, LimitsBench.class})
public final class BenchCommand implements Runnable, CommandPlugin {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a benchmark: " + String.join(", ", spec.subcommands().keySet()));
    }
}
