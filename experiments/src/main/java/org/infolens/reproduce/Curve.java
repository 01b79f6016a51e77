package org.infolens.reproduce;

import java.util.List;
import java.util.TreeMap;
import org.infolens.data.LayerId;
import org.infolens.run.RecordedRun;
import org.infolens.trajectory.TrajectoryRecord;

/**
 * A value of a measure against the epoch, in one layer of the run of {@code role}: what a claim's
 * figure draws per seed (grey) and as the median over seeds (in colour), and what the statistics
 * in {@link RunStatistics} read.
 *
 * @param role    the claim's run
 * @param measure the measure's label, or the start of it ({@code "binning/adaptive"} finds {@code binning/adaptive-30})
 * @param value   the value's name ({@code I_XT}, {@code snr}, {@code DSE})
 * @param layer   which layer
 */
public record Curve(String role, String measure, String value, Layer layer) {

    /** What the curve is, in words. */
    public String describe() {
        return value + " (" + measure + ", " + layer.text() + ")";
    }

    /** Epoch to value in the seed's run, in epoch order; empty when the run has no such record. */
    public TreeMap<Integer, Double> read(SeedRuns seed) {
        return read(seed.run(role));
    }

    TreeMap<Integer, Double> read(RecordedRun run) {
        String label = label(run, measure);
        List<TrajectoryRecord> records = run.okRecords(label);
        TreeMap<Integer, Double> series = new TreeMap<>();
        if (records.isEmpty()) {
            return series;
        }
        LayerId chosen = layer.pick(records.stream().map(TrajectoryRecord::layer).distinct().toList());
        for (TrajectoryRecord r : records) {
            if (r.layer().index() == chosen.index() && r.values().containsKey(value)) {
                series.put(r.epoch(), r.value(value));
            }
        }
        return series;
    }

    /** The run's label that is {@code measure} or starts with it; an error listing the labels otherwise. */
    static String label(RecordedRun run, String measure) {
        List<String> labels = run.labels();
        if (labels.contains(measure)) {
            return measure;
        }
        return labels.stream().filter(l -> l.startsWith(measure)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(run.name() + " has no measure '" + measure + "' (it has " + labels + ")"));
    }
}
