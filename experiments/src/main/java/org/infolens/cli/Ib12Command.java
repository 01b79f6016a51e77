package org.infolens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.experiments.ib12.Ib12Experiment;
import org.infolens.experiments.ib12.Ib12Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** {@code infolens run ib12}: the 12-bit task of Shwartz-Ziv and Tishby. */
@Command(name = "ib12", mixinStandardHelpOptions = true,
        description = "Train 12-10-7-5-4-3-2 on the 12-bit task, recording every layer on all 4096 patterns at log-spaced"
                + " epochs; writes runs/<name>/{run.json, trajectory.jsonl, figures/information-plane.png}.")
final class Ib12Command implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--activation", defaultValue = "tanh", description = "hidden activation: tanh or relu (default ${DEFAULT-VALUE})")
    String activation;

    @Option(names = "--epochs", defaultValue = "" + Ib12Defaults.EPOCHS, description = "training epochs (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "" + Ib12Defaults.BATCH, description = "minibatch size (default ${DEFAULT-VALUE}, as the original work)")
    int batch;

    @Option(names = "--lr", defaultValue = "" + Ib12Defaults.LEARNING_RATE, description = "Adam learning rate (default ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--seed", defaultValue = "1", description = "seed for weights, split and minibatch order (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--split", defaultValue = "shuffled", description = "80/20 split: shuffled, or ordered as the original code (default ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--train-fraction", defaultValue = "0.8", description = "share of patterns for training (default ${DEFAULT-VALUE})")
    double trainFraction;

    @Option(names = "--task", description = "the authors' task file (var_u.csv, or var_u_F.npy with var_u_y.npy beside it) instead of the generated task")
    Path taskFile;

    @Option(names = "--measure", paramLabel = "SPEC", description = "a measure to record, repeatable: name or name:param=value,..."
            + " (default: binning fixed-range 30 for tanh, global-minmax 100 for relu, plus adaptive 30)")
    List<String> measures = new ArrayList<>();

    @Option(names = "--points", defaultValue = "400", description = "points of the log-spaced epoch grid (default ${DEFAULT-VALUE})")
    int points;

    @Mixin
    RunOutputOptions output;

    @Override
    public Integer call() throws Exception {
        String act = activation.toLowerCase(Locale.ROOT);
        if (!split.equals("shuffled") && !split.equals("ordered")) {
            throw new IllegalArgumentException("--split must be shuffled or ordered, got '" + split + "'");
        }
        if (taskFile != null && !java.nio.file.Files.isRegularFile(taskFile)) {
            throw new IllegalArgumentException(taskFile + ": no such task file");
        }
        // Everything is validated before the run directory is chosen, so bad input leaves nothing behind.
        Ib12Options validated = new Ib12Options(act, epochs, batch, learningRate, seed, split.equals("shuffled"), trainFraction,
                taskFile, EstimatorCatalog.fromSpecs(measures), points, null, output.saveActivations, output.quiet);
        Ib12Options o = validated.withRunDirectory(RunDirectories.choose(output.out, "ib12-" + act + "-s" + seed, output.overwrite));
        long t0 = System.nanoTime();
        Ib12Experiment.Result r = Ib12Experiment.run(o);
        double total = (System.nanoTime() - t0) / 1e9;
        out().printf(Locale.ROOT, "run:        %s%n", r.runDirectory());
        out().printf(Locale.ROOT, "accuracy:   train %.3f, test %.3f (final loss %.4f)%n", r.trainAccuracy(), r.testAccuracy(), r.finalLoss());
        out().printf(Locale.ROOT, "time:       %.1f s training, %.1f s in all; estimation %.1f s on the worker thread%n",
                r.trainingSeconds(), total, r.measurement().measureSeconds());
        out().printf(Locale.ROOT, "records:    %d ok, %d errors, %d skipped (%d epochs recorded)%n", r.measurement().okRecords(),
                r.measurement().errorRecords(), r.measurement().skippedRecords(), r.measurement().submitted());
        out().printf(Locale.ROOT, "figure:     %s%n", r.runDirectory().resolve("figures/information-plane.png"));
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
