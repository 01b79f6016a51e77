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
 * {@code infolens recompute RUN... --measure SPEC [--master URL]}: estimates measures offline from runs'
 * activation dumps (written with --save-activations), through the same pipeline as during training, and
 * appends the records to each run's trajectory (and the measures to its run.json) or writes a new
 * trajectory. With {@code --master} the estimation runs on Spark ({@link DistributedRecompute}).
 */
@Command(name = "recompute", mixinStandardHelpOptions = true,
        description = "Estimate measures from a run's saved activations (RUN/activations) and append them to RUN/trajectory.jsonl,"
                + " or write them to --output.")
final class RecomputeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "run directories with activations/ (from --save-activations)")
    List<Path> runs;

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

    @Option(names = "--master", paramLabel = "URL", description = "estimate on Apache Spark, in parallel over (run, epoch, layer):"
            + " local[N] in this JVM or a standalone cluster spark://host:port whose executors see the runs at the same paths;"
            + " a measure that carries state across epochs (warmStart) is split by (run, layer), a two-pass one by run")
    String master;

    @Override
    public Integer call() throws Exception {
        if (output != null && runs.size() > 1) {
            throw new IllegalArgumentException("--output names one trajectory: give one RUN with it");
        }
        if (master != null && (verdict.active() || !layers.isEmpty())) {
            throw new IllegalArgumentException("--verdict and --layer are not taken with --master yet: recompute without --master");
        }
        List<Measure> ms = measures.stream().map(m -> EstimatorCatalog.create(verdict.applyTo(MeasureSpec.parse(m)))).toList();
        List<Checked> checked = new ArrayList<>();
        for (Path run : runs) {
            checked.add(check(run, ms));
        }
        List<RunLock> locks = new ArrayList<>();
        try {
            for (Checked c : checked) {
                locks.add(RunLock.acquire(c.run, RunDirectory.LOCK, "recompute")); // no run or other recompute appends meanwhile
            }
            if (master != null) {
                Map<Path, List<TrajectoryRecord>> records = distributed().estimate(runs, measures, master, out());
                for (Checked c : checked) {
                    append(c, ms, records.get(c.run), 0);
                }
                return 0;
            }
            for (Checked c : checked) {
                // on a worker: a signal meanwhile ends the process after a grace period instead of hanging in native code
                int rc = LongTask.run("recompute " + c.run, () -> recompute(c, ms), spec.commandLine().getErr(), false);
                if (rc != 0) {
                    return rc;
                }
            }
            return 0;
        } finally {
            locks.forEach(RunLock::close);
        }
    }

    /** A run checked before anything is estimated: its dumps, its stored epochs, where the records go. */
    private record Checked(Path run, RunDirectory rd, ActivationStore store, List<Path> epochs, Path target) {
    }

    private static DistributedRecompute distributed() {
        return java.util.ServiceLoader.load(DistributedRecompute.class).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "--master needs the spark module on the class path (./infolens puts it there when --master is given)"));
    }

    private Checked check(Path run, List<Measure> ms) throws java.io.IOException {
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
        Path target = output != null ? output : rd.trajectoryFile();
        if (output != null && Files.exists(output) && Files.size(output) > 0) {
            throw new IllegalArgumentException("--output " + output + " already exists; name a new file");
        }
        if (output == null && Files.exists(target)) {
            Set<String> present = TrajectoryReader.read(target).records().stream().map(TrajectoryRecord::label).collect(Collectors.toSet());
            for (Measure m : ms) {
                if (present.contains(m.label())) {
                    throw new IllegalArgumentException("measure " + m.label() + " is already in " + target
                            + "; write to a new trajectory with --output FILE");
                }
            }
        }
        return new Checked(run, rd, store, epochs, target);
    }

    /**
     * Estimates {@code ms} on every stored epoch, keeping the records in memory, and appends them to
     * {@code target} only when every epoch was read: a truncated dump leaves the trajectory as it was,
     * so the retry is not refused as "already in trajectory".
     */
    private int recompute(Checked c, List<Measure> ms) throws java.io.IOException {
        String runName = c.run.toAbsolutePath().normalize().getFileName().toString();
        long t0 = System.nanoTime();
        InMemoryTrajectory staged = new InMemoryTrajectory();
        MeasurementPipeline pipeline = MeasurementPipeline.builder().runName(runName).probe(c.store.loadProbe()).measures(ms)
                .queueCapacity(1).sink(staged).build();
        try (EstimationProgress progress = new EstimationProgress("recomputing", pipeline::summary, quiet)) {
            for (Path epoch : c.epochs) {
                pipeline.submit(onlyAskedLayers(ActivationStore.load(epoch), epoch));
            }
        } finally {
            pipeline.close(); // on a failed read too: the worker stops and the staged records are dropped
        }
        append(c, ms, staged.records(), System.nanoTime() - t0);
        return 0;
    }

    /**
     * Appends {@code records} to the run's target only when every epoch was estimated (a truncated dump
     * leaves the trajectory as it was, so the retry is not refused as "already in trajectory"), then
     * lists the measures in run.json.
     */
    private void append(Checked c, List<Measure> ms, List<TrajectoryRecord> records, long nanos) throws java.io.IOException {
        try (JsonLinesTrajectoryWriter w = JsonLinesTrajectoryWriter.append(c.target)) {
            records.forEach(w::accept);
        }
        if (output == null && Files.exists(c.rd.provenanceFile())) {
            appendMeasures(c.rd, ms);
        }
        long ok = records.stream().filter(TrajectoryRecord::isOk).count();
        out().printf(Locale.ROOT, "recomputed: %s on %d stored epochs of %s%n", ms.stream().map(Measure::label).toList(), c.epochs.size(), c.run);
        out().printf(Locale.ROOT, "records:    %d ok, %d errors -> %s%s%n", ok, records.size() - ok, c.target,
                nanos > 0 ? String.format(Locale.ROOT, " (%.1f s)", nanos / 1e9) : "");
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
