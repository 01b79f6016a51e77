package org.infolens.spark.recompute;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.infolens.cli.DistributedRecompute;
import org.infolens.data.ActivationSnapshot;
import org.infolens.data.LayerActivations;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.io.ActivationStore;
import org.infolens.measure.Measure;
import org.infolens.pipeline.MeasurementPipeline;
import org.infolens.run.RunDirectory;
import org.infolens.spark.SparkMaster;
import org.infolens.trajectory.InMemoryTrajectory;
import org.infolens.trajectory.Json;
import org.infolens.trajectory.TrajectoryRecord;

/**
 * {@code ./infolens recompute RUN... --measure SPEC --master URL}: the estimation of a recompute as
 * Spark tasks, each running the same pipeline as the local recompute on a part of the dumps. The part
 * is as small as the measure allows and no smaller, so that the values are the local recompute's: one
 * (run, epoch, layer) for a measure that estimates each on its own, one (run, layer) over every epoch in
 * order for one that carries state across epochs (warmStart: the previous epoch's critic or
 * dictionary), one run for a two-pass measure (its first pass sees every layer of every epoch).
 */
public final class SparkRecompute implements DistributedRecompute {

    /** How finely a measure's work can be split without changing its values. */
    enum Split { EPOCH_LAYER, LAYER, RUN }

    static Split split(Measure m) {
        if (m.runObserver().isPresent()) {
            return Split.RUN;
        }
        return Boolean.TRUE.equals(m.parameters().get("warmStart")) ? Split.LAYER : Split.EPOCH_LAYER;
    }

    /**
     * One task: measure {@code spec} on run {@code run}'s dumps, restricted to {@code layer} (null: all)
     * and {@code epoch} (an epoch directory; null: all, in order).
     */
    record Part(String run, int measure, String spec, String layer, String epoch, boolean twoPass) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public Map<Path, List<TrajectoryRecord>> estimate(List<Path> runs, List<String> specs, String master, PrintWriter log) throws IOException {
        SparkMaster spark = new SparkMaster(master, 4);
        spark.checkReachable(); // a bad or unreachable master is named before anything is planned
        List<Part> parts = new ArrayList<>();
        for (Path run : runs) {
            ActivationStore store = ActivationStore.in(new RunDirectory(run).activationsDirectory());
            List<Path> epochs = store.storedEpochs();
            List<String> layers = ActivationStore.load(epochs.get(0)).layers().stream().map(l -> l.layer().name()).toList();
            String dir = run.toAbsolutePath().normalize().toString();
            for (int i = 0; i < specs.size(); i++) {
                switch (split(EstimatorCatalog.fromSpec(specs.get(i)))) {
                    case RUN -> parts.add(new Part(dir, i, specs.get(i), null, null, true));
                    case LAYER -> {
                        for (String layer : layers) {
                            parts.add(new Part(dir, i, specs.get(i), layer, null, false));
                        }
                    }
                    case EPOCH_LAYER -> {
                        for (Path epoch : epochs) {
                            for (String layer : layers) {
                                parts.add(new Part(dir, i, specs.get(i), layer, epoch.toString(), false));
                            }
                        }
                    }
                }
            }
        }
        log.printf(Locale.ROOT, "recompute: %d runs, %d measures: %d Spark tasks on %s%n", runs.size(), specs.size(), parts.size(), master);
        log.flush();
        long t0 = System.nanoTime();
        List<List<String>> results;
        try (JavaSparkContext sc = spark.start("infolens recompute")) {
            results = sc.parallelize(parts, parts.size()).map(SparkRecompute::estimate).collect();
        }
        Map<String, List<Ranked>> byRun = new LinkedHashMap<>();
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            for (String line : results.get(p)) {
                TrajectoryRecord r = Json.mapper().readValue(line, TrajectoryRecord.class);
                byRun.computeIfAbsent(part.run(), k -> new ArrayList<>()).add(new Ranked(r, part.measure(), part.twoPass()));
            }
        }
        Map<Path, List<TrajectoryRecord>> out = new HashMap<>();
        for (Path run : runs) {
            List<Ranked> ranked = byRun.getOrDefault(run.toAbsolutePath().normalize().toString(), List.of());
            // the local recompute's order: epoch, then layer in network order, then measure as given; two-pass measures
            // after the others (their second pass runs when every epoch has been seen)
            out.put(run, ranked.stream().sorted(Comparator.comparing((Ranked r) -> r.twoPass).thenComparingInt(r -> r.record.epoch())
                    .thenComparingInt(r -> r.record.layer().index()).thenComparingInt(r -> r.measure)).map(r -> r.record).toList());
        }
        log.printf(Locale.ROOT, "recompute: %d tasks in %.1f s%n", parts.size(), (System.nanoTime() - t0) / 1e9);
        return out;
    }

    private record Ranked(TrajectoryRecord record, int measure, boolean twoPass) {
    }

    /** Runs on an executor: the local recompute's pipeline on this part of the dumps; its records as JSON lines. */
    static List<String> estimate(Part part) throws IOException {
        Path run = Path.of(part.run());
        ActivationStore store = ActivationStore.in(new RunDirectory(run).activationsDirectory());
        List<Path> epochs = part.epoch() == null ? store.storedEpochs() : List.of(Path.of(part.epoch()));
        InMemoryTrajectory staged = new InMemoryTrajectory();
        MeasurementPipeline pipeline = MeasurementPipeline.builder().runName(run.getFileName().toString()).probe(store.loadProbe())
                .measures(List.of(EstimatorCatalog.fromSpec(part.spec()))).queueCapacity(1).sink(staged).build();
        try {
            for (Path epoch : epochs) {
                ActivationSnapshot s = ActivationStore.load(epoch);
                List<LayerActivations> layers = part.layer() == null ? s.layers()
                        : s.layers().stream().filter(l -> l.layer().name().equals(part.layer())).toList();
                pipeline.submit(new ActivationSnapshot(s.epoch(), s.iteration(), layers));
            }
        } finally {
            pipeline.close();
        }
        List<String> lines = new ArrayList<>();
        for (TrajectoryRecord r : staged.records()) {
            lines.add(Json.mapper().writeValueAsString(r));
        }
        return lines;
    }
}
