package org.infolens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.infolens.experiments.RunOutcome;
import org.infolens.experiments.TrainingVariant;
import org.infolens.figure.RunFigures;
import org.infolens.run.RunDirectory;
import org.infolens.run.SeedMedian;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every bundled training experiment's command does: validate everything (data included) before a
 * run directory exists, train once per seed, and with several seeds write the median run.
 */
abstract class ExperimentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VariantOptions variants;

    @Mixin
    RunOutputOptions output;

    /** The experiment's name, the first part of its run names: "ib12", "fashion-mlp", ... */
    abstract String experiment();

    /** Checks the options and reads the data; a problem here leaves nothing on disk. */
    abstract void prepare(TrainingVariant variant) throws IOException;

    /** Trains one run of {@code variant} into {@code directory}. */
    abstract RunOutcome train(TrainingVariant variant, Path directory) throws IOException;

    @Override
    public Integer call() throws Exception {
        TrainingVariant base = variants.variant();
        List<Long> seeds = variants.seeds();
        prepare(base);
        String name = experiment() + "-" + base.name();
        if (seeds.size() == 1) {
            report(train(base, RunDirectories.choose(output.out, name + "-s" + base.seed(), output.overwrite)));
            return 0;
        }
        List<RunDirectory> members = new ArrayList<>();
        for (long s : seeds) {
            Path dir = RunDirectories.choose(output.out == null ? null : output.out.resolve(name + "-s" + s), name + "-s" + s, output.overwrite);
            RunOutcome r = train(base.withSeed(s), dir);
            report(r);
            members.add(new RunDirectory(r.runDirectory()));
        }
        Path medianDir = RunDirectories.choose(output.out == null ? null : output.out.resolve(name + "-median"), name + "-median",
                output.overwrite);
        RunDirectory median = new RunDirectory(medianDir);
        SeedMedian.writeRun(median, members);
        RunFigures.draw(median);
        out().printf(Locale.ROOT, "median:     %s (seeds %s: median of every estimate, with the seeds' range)%n", medianDir, seeds);
        return 0;
    }

    private void report(RunOutcome r) {
        out().printf(Locale.ROOT, "run:        %s%n", r.runDirectory());
        out().printf(Locale.ROOT, "data:       %d training, %d probe rows%n", r.trainRows(), r.probeRows());
        out().printf(Locale.ROOT, "accuracy:   train %.3f, test %.3f (final loss %.4f)%n", r.trainAccuracy(), r.testAccuracy(), r.finalLoss());
        out().printf(Locale.ROOT, "time:       %.1f s training; estimation %.1f s on the worker thread%n", r.trainingSeconds(),
                r.measurement().measureSeconds());
        out().printf(Locale.ROOT, "records:    %d ok, %d errors, %d skipped (%d epochs recorded)%n", r.measurement().okRecords(),
                r.measurement().errorRecords(), r.measurement().skippedRecords(), r.measurement().submitted());
        out().printf(Locale.ROOT, "figure:     %s%n", r.runDirectory().resolve("figures/information-plane.png"));
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
