package org.infolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.infolens.experiments.ib12.Ib12Experiment;
import org.infolens.experiments.ib12.Ib12Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/**
 * Instrumentation overhead in one process: the same training (same seed, same minibatches) with and
 * without the listener, alternated, after a warm-up. The instrumented time includes closing the
 * listener (waiting for queued estimates, second passes and figures).
 */
@Command(name = "overhead", mixinStandardHelpOptions = true, description = "Training time with and without the listener, same seed.")
final class OverheadBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "EXPERIMENT", description = "ib12")
    String experiment;

    @Option(names = "--epochs", defaultValue = "1000", description = "epochs per timed run (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--activation", defaultValue = "tanh")
    String activation;

    @Option(names = "--rounds", defaultValue = "2", description = "baseline/instrumented pairs (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (!experiment.equals("ib12")) {
            throw new IllegalArgumentException("overhead is measured for: ib12 (got '" + experiment + "')");
        }
        Path tmp = Files.createTempDirectory("infolens-overhead-");
        Ib12Options base = new Ib12Options(activation, epochs, Ib12Defaults.BATCH, Ib12Defaults.LEARNING_RATE, seed, true, 0.8, null,
                List.of(), 400, tmp.resolve("warmup"), false, true);
        Ib12Experiment.timeTraining(base.withRunDirectory(tmp.resolve("warmup")), true); // JIT, native libraries, workspaces
        double[] plain = new double[rounds];
        double[] instrumented = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            plain[r] = Ib12Experiment.timeTraining(base, false);
            instrumented[r] = Ib12Experiment.timeTraining(base.withRunDirectory(tmp.resolve("run" + r)), true);
            out().printf(Locale.ROOT, "round %d: without listener %.2f s, with listener %.2f s%n", r + 1, plain[r], instrumented[r]);
        }
        Arrays.sort(plain);
        Arrays.sort(instrumented);
        double p = plain[rounds / 2];
        double i = instrumented[rounds / 2];
        out().printf(Locale.ROOT, "%nib12 %s, %d epochs, batch %d, binning defaults, log-spaced grid (%d recorded epochs):%n",
                activation, epochs, Ib12Defaults.BATCH, org.infolens.dl4j.EpochSchedule.logSpaced(epochs, 400).epochsUpTo(epochs).size() + 1);
        out().printf(Locale.ROOT, "median without %.2f s, with %.2f s: ratio %.3f (overhead %+.1f%%)%n", p, i, i / p, 100 * (i / p - 1));
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
