package org.infolens.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.infolens.experiments.HiddenActivation;
import org.infolens.experiments.TrainingVariant;
import org.infolens.experiments.ib12.Ib12Defaults;
import org.infolens.experiments.ib12.Ib12Experiment;
import org.infolens.experiments.ib12.Ib12Options;
import org.infolens.experiments.mlp.MlpExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "EXPERIMENT", description = "ib12 or fashion-mlp")
    String experiment;

    @Option(names = "--epochs", description = "epochs per timed run (default 500 for ib12, 5 for fashion-mlp)")
    Integer epochs;

    @Option(names = "--data", paramLabel = "DIR", description = "fashion-mlp: the Fashion-MNIST directory (default: the usual places)")
    Path data;

    @Option(names = "--train-limit", defaultValue = "0", description = "fashion-mlp: training images, 0 = all 60,000 (default ${DEFAULT-VALUE})")
    int trainLimit;

    @Option(names = "--probe-size", defaultValue = "10000", description = "fashion-mlp: probe images (default ${DEFAULT-VALUE})")
    int probeSize;

    @Option(names = "--compare-prefetch", description = "fashion-mlp: also time training without the listener and without batch prefetch")
    boolean comparePrefetch;

    @Option(names = "--extra", paramLabel = "SPEC", description = "fashion-mlp: also time the default measures plus this one (repeatable),"
            + " e.g. neural-plane:copula=normal; the per-measure cost table is then that run's")
    List<String> extra = new ArrayList<>();

    @Option(names = "--activation", defaultValue = "tanh")
    String activation;

    @Option(names = "--rounds", description = "rounds of timed runs, alternating their order (default 5 for ib12, 2 for fashion-mlp)")
    Integer rounds;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Mixin
    LoadOption load;

    @Override
    public Integer call() throws Exception {
        try (LoadOption.Load running = load.start(out())) {
            return measure();
        }
    }

    private Integer measure() throws Exception {
        if (experiment.equals(MlpExperiment.FASHION_NAME)) {
            new ImageOverhead(out(), data, activation, epochs == null ? 5 : epochs, rounds == null ? 2 : rounds, trainLimit, probeSize, seed, comparePrefetch,
                    extra).run();
            return 0;
        }
        if (!experiment.equals(Ib12Experiment.NAME)) {
            throw new IllegalArgumentException("overhead is measured for: ib12, fashion-mlp (got '" + experiment + "')");
        }
        int epochs = this.epochs == null ? 500 : this.epochs;
        int rounds = this.rounds == null ? 5 : this.rounds;
        Path tmp = Files.createTempDirectory("infolens-overhead-");
        Ib12Options base = new Ib12Options(new TrainingVariant(HiddenActivation.parse(activation), 0, 0, false, seed), epochs, Ib12Defaults.BATCH,
                Ib12Defaults.LEARNING_RATE, true, 0.8, null,
                List.of(), 400, tmp.resolve("warmup"), null, true);
        Ib12Experiment.timeTraining(base.withRunDirectory(tmp.resolve("warmup")), true); // JIT, native libraries, workspaces
        // Pairs run back to back and alternate which goes first, so slow drifts of a shared machine
        // cancel in each pair's ratio; the median ratio is reported.
        double[] plain = new double[rounds];
        double[] instrumented = new double[rounds];
        double[] ratio = new double[rounds];
        double[] capture = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            Ib12Options run = base.withRunDirectory(tmp.resolve("run" + r));
            Ib12Experiment.Timing with;
            if (r % 2 == 0) {
                plain[r] = Ib12Experiment.timeTraining(base, false).wallSeconds();
                with = Ib12Experiment.timeTraining(run, true);
            } else {
                with = Ib12Experiment.timeTraining(run, true);
                plain[r] = Ib12Experiment.timeTraining(base, false).wallSeconds();
            }
            instrumented[r] = with.wallSeconds();
            capture[r] = with.captureSeconds() / with.wallSeconds();
            ratio[r] = instrumented[r] / plain[r];
            out().printf(Locale.ROOT, "round %d: without listener %.2f s, with listener %.2f s, ratio %.3f; training thread in the listener %.2f s%n",
                    r + 1, plain[r], instrumented[r], ratio[r], with.captureSeconds());
        }
        Arrays.sort(capture);
        Arrays.sort(plain);
        Arrays.sort(instrumented);
        Arrays.sort(ratio);
        int recorded = org.infolens.dl4j.EpochSchedule.logSpaced(epochs, 400).epochsUpTo(epochs).size() + 1;
        out().printf(Locale.ROOT, "%nib12 %s, %d epochs, batch %d, binning defaults, %d recorded epochs, OMP_NUM_THREADS=%s:%n",
                activation, epochs, Ib12Defaults.BATCH, recorded, System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        out().printf(Locale.ROOT, "median without %.2f s, with %.2f s; median ratio %.3f (overhead %+.1f%%), range %.3f to %.3f%n",
                plain[rounds / 2], instrumented[rounds / 2], ratio[rounds / 2], 100 * (ratio[rounds / 2] - 1), ratio[0],
                ratio[rounds - 1]);
        out().printf(Locale.ROOT, "training thread inside the listener (capture and hand-over): median %.1f%% of the instrumented run%n",
                100 * capture[rounds / 2]);
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
