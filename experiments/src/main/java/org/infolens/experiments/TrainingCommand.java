package org.infolens.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.infolens.figure.RunFigures;
import org.infolens.run.RunDirectory;
import org.infolens.run.SeedMedian;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What every bundled training experiment does: validate everything (data included) before a run
 * directory exists, train once per seed with the listener, and with several seeds write the median
 * run. Each run's run.json records how it was launched ({@code launch}: the experiment and every
 * option with its value, for that run's seed), so that it can be launched again
 * ({@link ExperimentCatalog#arguments}).
 */
public abstract class TrainingCommand extends ExperimentCommand {

    /** Options that say where and how loudly a run is written, not what it is: left out of run.json's launch. */
    private static final Set<String> PLACEMENT = Set.of("--out", "--overwrite", "--quiet", "--checkpoints", "--resume");

    @Mixin
    VariantOptions variants;

    @Mixin
    RunOutputOptions output;

    /** Checks the options and reads the data; a problem here leaves nothing on disk. */
    protected abstract void prepare(TrainingVariant variant) throws IOException;

    /** Trains one run of {@code variant} into {@code directory}; {@code launch} goes into its run.json. */
    protected abstract RunOutcome train(TrainingVariant variant, Path directory, Map<String, Object> launch) throws IOException;

    /** Which activations to keep on disk (--save-activations, --dump-rows, --dump-columns), or null; validated. */
    protected org.infolens.io.ActivationDumps dumps() {
        return output.dumps();
    }

    /** Checkpoints at recorded epochs (--checkpoints) and whether the run resumes (--resume). */
    protected RunRecovery recovery() {
        return output.recovery();
    }

    /** No progress bars (-q). */
    protected boolean quiet() {
        return output.quiet;
    }

    @Override
    public void validate() throws IOException {
        variants.seeds();
        dumps();
        prepare(variants.variant());
    }

    @Override
    public ExperimentOutcome launch() throws IOException {
        TrainingVariant base = variants.variant();
        List<Long> seeds = variants.seeds();
        prepare(base);
        String name = name() + "-" + base.name();
        Path out = outOption();
        if (output.resume != null) {
            Path dir = resumable(output.resume, launch(base));
            RunOutcome r = train(base, dir, launch(base));
            report(r);
            return new ExperimentOutcome(name(), List.of(r), List.of(r.runDirectory()));
        }
        if (seeds.size() == 1) {
            RunOutcome r = train(base, directory(out, name + "-s" + base.seed()), launch(base));
            report(r);
            return new ExperimentOutcome(name(), List.of(r), List.of(r.runDirectory()));
        }
        // Every output directory is checked (free, or a run to replace, and not locked) before the first seed trains.
        List<Path> seedDirs = new ArrayList<>();
        for (long s : seeds) {
            seedDirs.add(directory(out == null ? null : out.resolve(name + "-s" + s), name + "-s" + s));
        }
        Path medianDir = directory(out == null ? null : out.resolve(name + "-median"), name + "-median");
        List<RunOutcome> runs = new ArrayList<>();
        List<RunDirectory> members = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            TrainingVariant v = base.withSeed(seeds.get(i));
            RunOutcome r = train(v, seedDirs.get(i), launch(v));
            report(r);
            runs.add(r);
            members.add(new RunDirectory(r.runDirectory()));
        }
        RunDirectory median = new RunDirectory(medianDir);
        SeedMedian.writeRun(median, members);
        RunFigures.draw(median);
        out().printf(Locale.ROOT, "median:     %s (seeds %s: median of every estimate, with the seeds' range)%n", medianDir, seeds);
        List<Path> directories = new ArrayList<>(runs.stream().map(RunOutcome::runDirectory).toList());
        directories.add(medianDir);
        return new ExperimentOutcome(name(), runs, directories);
    }

    /**
     * {@code --resume RUN} checked: one seed, no --out or --overwrite, RUN a run directory with a
     * checkpoint, launched with the options given now (a different option would give other values).
     */
    private Path resumable(Path run, Map<String, Object> launch) throws IOException {
        if (variants.seeds().size() != 1 || outOption() != null) {
            throw new IllegalArgumentException("--resume continues one run in its own directory: no --seeds, --out or --overwrite with it");
        }
        RunDirectory dir = new RunDirectory(run);
        if (!java.nio.file.Files.isRegularFile(dir.provenanceFile())) {
            throw new IllegalArgumentException("--resume " + run + ": no run.json there (not an infolens run)");
        }
        if (org.infolens.dl4j.Checkpoint.list(run).isEmpty()) {
            throw new IllegalArgumentException("--resume " + run + ": no checkpoints/ there (record runs to resume with --checkpoints)");
        }
        Map<String, Object> before = dir.readProvenance().launch();
        Object was = before == null ? null : before.get("options");
        Object now = launch.get("options");
        com.fasterxml.jackson.databind.ObjectMapper json = org.infolens.trajectory.Json.mapper(); // compared as run.json writes them
        if (before == null || !name().equals(before.get("experiment"))
                || !json.readTree(json.writeValueAsString(now)).equals(json.readTree(json.writeValueAsString(was)))) {
            throw new IllegalArgumentException("--resume " + run + ": it was launched as " + (before == null ? "(unknown)" : before)
                    + "; give the same experiment and options (now " + name() + " " + now + ")");
        }
        org.infolens.run.RunLock.check(run, RunDirectory.LOCK);
        return run;
    }

    /**
     * run.json's {@code launch} of the run of {@code variant}: the experiment's name and every option
     * with its value (defaults included; paths absolute), its seed as {@code --seed}.
     */
    Map<String, Object> launch(TrainingVariant variant) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            String option = o.longestName();
            if (o.usageHelp() || o.versionHelp() || PLACEMENT.contains(option) || option.equals(VariantOptions.SEEDS)) {
                continue;
            }
            Object value = option.equals(VariantOptions.SEED) ? variant.seed() : o.getValue();
            if (value != null) {
                options.put(option, ExperimentCatalog.recorded(value));
            }
        }
        Map<String, Object> launch = new LinkedHashMap<>();
        launch.put("experiment", name());
        launch.put("options", options);
        return launch;
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
}
