package org.infolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.infolens.data.ActivationSnapshot;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.experiments.EstimationProgress;
import org.infolens.experiments.VerdictOptions;
import org.infolens.io.ActivationStore;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureSpec;
import org.infolens.pipeline.MeasurementPipeline;
import org.infolens.pipeline.PipelineSummary;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunLock;
import org.infolens.run.RunProvenance;
import org.infolens.trajectory.InMemoryTrajectory;
import org.infolens.trajectory.JsonLinesTrajectoryWriter;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code infolens recompute RUN --measure SPEC}: estimates measures offline from a run's activation
 * dumps (written with --save-activations), through the same pipeline as during training, and appends
 * the records to the run's trajectory (and the measures to its run.json) or writes a new trajectory.
 */
@Command(name = "recompute", mixinStandardHelpOptions = true,
        description = "Estimate measures from a run's saved activations (RUN/activations) and append them to RUN/trajectory.jsonl,"
                + " or write them to --output.")
final class RecomputeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "a run directory with activations/ (from --save-activations)")
    Path run;

    @Option(names = "--measure", required = true, paramLabel = "SPEC", description = "a measure, repeatable: name or name:param=value,...")
    List<String> measures = new ArrayList<>();

    @Mixin
    VerdictOptions verdict = new VerdictOptions();

    @Option(names = "--layer", paramLabel = "NAME", description = "only this layer, repeatable (default: every stored layer)")
    List<String> layers = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE", description = "write a new trajectory here instead of appending to the run's")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        RunDirectory rd = new RunDirectory(run);
        Path dumps = rd.activationsDirectory();
        if (!Files.isDirectory(dumps)) {
            throw new IllegalArgumentException(run + " has no activations/ directory: record the run with --save-activations");
        }
        ActivationStore store = ActivationStore.in(dumps);
        List<Path> epochs = store.storedEpochs();
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException(dumps + " holds no complete recorded epoch");
        }
        List<Measure> ms = measures.stream().map(m -> EstimatorCatalog.create(verdict.applyTo(MeasureSpec.parse(m)))).toList();
        Path target = output != null ? output : rd.trajectoryFile();
        if (output != null && Files.exists(output) && Files.size(output) > 0) {
            throw new IllegalArgumentException("--output " + output + " already exists; name a new file");
        }
        try (RunLock lock = RunLock.acquire(run, RunDirectory.LOCK, "recompute")) { // no run or other recompute appends meanwhile
            // on a worker: a signal meanwhile ends the process after a grace period instead of hanging in native code
            return LongTask.run("recompute " + run, () -> recompute(rd, store, epochs, ms, target), spec.commandLine().getErr(), false);
        }
    }

    /**
     * Estimates {@code ms} on every stored epoch, keeping the records in memory, and appends them to
     * {@code target} only when every epoch was read: a truncated dump leaves the trajectory as it was,
     * so the retry is not refused as "already in trajectory".
     */
    private int recompute(RunDirectory rd, ActivationStore store, List<Path> epochs, List<Measure> ms, Path target) throws java.io.IOException {
        if (output == null && Files.exists(target)) {
            Set<String> present = TrajectoryReader.read(target).records().stream().map(TrajectoryRecord::label).collect(Collectors.toSet());
            for (Measure m : ms) {
                if (present.contains(m.label())) {
                    throw new IllegalArgumentException("measure " + m.label() + " is already in " + target
                            + "; write to a new trajectory with --output FILE");
                }
            }
        }
        String runName = run.toAbsolutePath().normalize().getFileName().toString();
        long t0 = System.nanoTime();
        InMemoryTrajectory staged = new InMemoryTrajectory();
        MeasurementPipeline pipeline = MeasurementPipeline.builder().runName(runName).probe(store.loadProbe()).measures(ms)
                .queueCapacity(1).sink(staged).build();
        try (EstimationProgress progress = new EstimationProgress("recomputing", pipeline::summary, quiet)) {
            for (Path epoch : epochs) {
                pipeline.submit(onlyAskedLayers(ActivationStore.load(epoch), epoch));
            }
        } finally {
            pipeline.close(); // on a failed read too: the worker stops and the staged records are dropped
        }
        PipelineSummary summary = pipeline.summary();
        try (JsonLinesTrajectoryWriter w = JsonLinesTrajectoryWriter.append(target)) {
            staged.records().forEach(w::accept);
        }
        if (output == null && Files.exists(rd.provenanceFile())) {
            appendMeasures(rd, ms);
        }
        out().printf(Locale.ROOT, "recomputed: %s on %d stored epochs of %s%n", ms.stream().map(Measure::label).toList(), epochs.size(), run);
        out().printf(Locale.ROOT, "records:    %d ok, %d errors -> %s (%.1f s)%n", summary.okRecords(), summary.errorRecords(), target,
                (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /** The snapshot's layers named by --layer (all without it); a name the dump does not hold is an error listing those it holds. */
    private ActivationSnapshot onlyAskedLayers(ActivationSnapshot s, Path epoch) {
        if (layers.isEmpty()) {
            return s;
        }
        List<String> stored = s.layers().stream().map(l -> l.layer().name()).toList();
        for (String name : layers) {
            if (!stored.contains(name)) {
                throw new IllegalArgumentException("--layer " + name + ": " + epoch + " holds no such layer; it holds " + stored);
            }
        }
        return new ActivationSnapshot(s.epoch(), s.iteration(), s.layers().stream().filter(l -> layers.contains(l.layer().name())).toList());
    }

    /** The run's run.json lists the new measures too, marked as recomputed from the dumps. */
    private static void appendMeasures(RunDirectory rd, List<Measure> ms) throws java.io.IOException {
        RunProvenance p = rd.readProvenance();
        List<Map<String, Object>> all = new ArrayList<>(p.measures() == null ? List.of() : p.measures());
        for (Measure m : ms) {
            Map<String, Object> mi = RunProvenance.measureEntry(m.name(), m.label(), m.parameters());
            mi.put("recomputedFrom", "activations");
            all.add(mi);
        }
        rd.writeProvenance(p.withMeasures(all));
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
