package org.infolens.run;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infolens.measure.Estimate;
import org.infolens.measure.Interval;
import org.infolens.trajectory.JsonLinesTrajectoryWriter;
import org.infolens.trajectory.RecordStatus;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;

/**
 * The median trajectory of several runs that differ only in their seed, the way the papers average:
 * for each (epoch, layer, measure label) the median of every value over the seeds with an ok record,
 * and the range over the seeds as the value's interval (low = min, high = max, centre = median), so a
 * figure can draw the band. Records are ordinary trajectory records; {@code details} says how many
 * seeds each one used.
 */
public final class SeedMedian {

    private SeedMedian() {
    }

    private record Key(int epoch, int layer, String label) {
    }

    /**
     * Writes the median run of {@code members} (finished runs of one experiment that differ in their
     * seed) into {@code target}: its trajectory, and a run.json that is the first member's with
     * settings {@code aggregate = median}, {@code seeds} (each member's network seed) and
     * {@code members}, and each numeric result (accuracy, loss, ...) as the median over the members.
     */
    public static void writeRun(RunDirectory target, List<RunDirectory> members) throws IOException {
        String name = target.root().getFileName().toString();
        List<List<TrajectoryRecord>> runs = new ArrayList<>();
        List<RunProvenance> provenances = new ArrayList<>();
        for (RunDirectory m : members) {
            runs.add(TrajectoryReader.read(m.trajectoryFile()).records());
            provenances.add(m.readProvenance());
        }
        List<TrajectoryRecord> median = of(name, runs);
        Files.createDirectories(target.root());
        Files.deleteIfExists(target.trajectoryFile());
        try (JsonLinesTrajectoryWriter w = JsonLinesTrajectoryWriter.append(target.trajectoryFile())) {
            median.forEach(w::accept);
        }
        RunProvenance first = provenances.get(0);
        Map<String, Object> settings = new LinkedHashMap<>(first.settings() == null ? Map.of() : first.settings());
        settings.put("aggregate", "median");
        settings.put("seeds", provenances.stream().map(p -> p.seeds() == null ? null : p.seeds().get("network")).toList());
        settings.put("members", members.stream().map(m -> m.root().getFileName().toString()).toList());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("records", median.size());
        summary.put("okRecords", median.stream().filter(TrajectoryRecord::isOk).count());
        if (first.summary() != null) {
            for (String key : first.summary().keySet()) {
                double[] v = provenances.stream().map(p -> p.summary() == null ? null : p.summary().get(key))
                        .filter(x -> x instanceof Number).mapToDouble(x -> ((Number) x).doubleValue()).sorted().toArray();
                if (v.length == provenances.size() && !summary.containsKey(key)) {
                    summary.put(key, median(v));
                }
            }
        }
        // not one launch's run: launching the first member again would not give these records
        target.writeProvenance(first.withName(name).withSettings(settings).withLaunch(null).finish(RunStatus.FINISHED, Instant.now(), summary));
    }

    /**
     * @param runName the median run's name
     * @param runs    each seed's records (at least two runs)
     */
    public static List<TrajectoryRecord> of(String runName, List<List<TrajectoryRecord>> runs) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("a median across seeds needs at least 2 runs, got " + runs.size());
        }
        Map<Key, List<TrajectoryRecord>> groups = new LinkedHashMap<>();
        for (List<TrajectoryRecord> run : runs) {
            for (TrajectoryRecord r : run) {
                groups.computeIfAbsent(new Key(r.epoch(), r.layer().index(), r.label()), k -> new ArrayList<>()).add(r);
            }
        }
        List<Map.Entry<Key, List<TrajectoryRecord>>> ordered = new ArrayList<>(groups.entrySet());
        // epoch, then layer, then the measures' order within the first run: stable whatever order workers wrote
        ordered.sort((a, b) -> a.getKey().epoch() != b.getKey().epoch() ? Integer.compare(a.getKey().epoch(), b.getKey().epoch())
                : Integer.compare(a.getKey().layer(), b.getKey().layer()));
        List<TrajectoryRecord> out = new ArrayList<>();
        for (Map.Entry<Key, List<TrajectoryRecord>> e : ordered) {
            out.add(median(runName, e.getValue(), runs.size()));
        }
        return out;
    }

    private static double median(double[] sorted) {
        int k = sorted.length;
        return k % 2 == 1 ? sorted[k / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;
    }

    private static TrajectoryRecord median(String runName, List<TrajectoryRecord> group, int seeds) {
        List<TrajectoryRecord> ok = group.stream().filter(TrajectoryRecord::isOk).toList();
        TrajectoryRecord first = ok.isEmpty() ? group.get(0) : ok.get(0);
        Instant time = group.stream().map(TrajectoryRecord::time).filter(t -> t != null).max(Instant::compareTo).orElse(null);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("aggregate", "median");
        details.put("seeds", seeds);
        details.put("seedsUsed", ok.size());
        if (ok.isEmpty()) {
            RecordStatus status = group.stream().anyMatch(r -> r.status() == RecordStatus.ERROR) ? RecordStatus.ERROR : RecordStatus.SKIPPED;
            String message = "no seed has an estimate here: " + group.stream().map(TrajectoryRecord::message).distinct().toList();
            return new TrajectoryRecord(TrajectoryRecord.SCHEMA, runName, first.epoch(), first.iteration(), first.layer(), first.measure(), first.label(),
                    first.params(), first.resolved(), first.n(), status, Map.of(), Map.of(), Map.of(), details, message, 0, time);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Interval> intervals = new LinkedHashMap<>();
        for (String name : first.values().keySet()) {
            double[] v = ok.stream().mapToDouble(r -> r.value(name)).filter(Double::isFinite).sorted().toArray();
            if (v.length == 0) {
                continue;
            }
            double m = median(v);
            values.put(name, m);
            intervals.put(name, new Interval(v[0], v[v.length - 1], m));
        }
        if (ok.size() < seeds) {
            details.put("missing", group.stream().filter(r -> !r.isOk()).map(TrajectoryRecord::message).distinct().toList());
        }
        int n = ok.stream().mapToInt(TrajectoryRecord::n).min().orElse(first.n());
        double seconds = ok.stream().mapToDouble(TrajectoryRecord::seconds).sum();
        return new TrajectoryRecord(TrajectoryRecord.SCHEMA, runName, first.epoch(), first.iteration(), first.layer(), first.measure(), first.label(),
                first.params(), first.resolved(), n, RecordStatus.OK, values, first.units(), intervals, details, null, seconds, time);
    }
}
