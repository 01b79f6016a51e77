package org.infolens.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.measure.Interval;
import org.infolens.measure.Output;
import org.infolens.trajectory.JsonLinesTrajectoryWriter;
import org.infolens.trajectory.RecordStatus;
import org.infolens.trajectory.TrainingRecord;
import org.infolens.trajectory.TrajectoryRecord;
import org.infolens.trajectory.ValueNames;

/** A small run written through the real writers: 4 layers, 6 log-spaced epochs, binning, kde (with intervals), dse and training records. */
public final class SyntheticRun {

    public static final int[] EPOCHS = {0, 1, 3, 10, 30, 100};
    public static final String BINNING = "binning/fixed-range-30";
    public static final String KDE = "kde/upper";
    public static final String DSE = "dse";

    private SyntheticRun() {
    }

    public static LayerId layer(int i) {
        return new LayerId(i, "layer" + i, 8 - 2 * i, i == 3 ? LayerKind.OUTPUT : LayerKind.DENSE, i == 3 ? "softmax" : "tanh");
    }

    /** I(X;T) of layer l at an epoch: falls with depth and (for deep layers) with training. */
    public static double ixt(int epoch, int l) {
        return 12 - 2 * l - Math.log10(epoch + 1) * l * 0.5;
    }

    public static double ity(int epoch, int l) {
        return Math.min(1, 0.2 + 0.2 * Math.log10(epoch + 1)) - 0.01 * l;
    }

    public static TrajectoryRecord record(String run, int epoch, LayerId layer, String measure, String label, RecordStatus status,
                                          Map<String, Double> values, Map<String, Interval> intervals, Map<String, Object> details,
                                          String message) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("edges", "fixed-range");
        params.put("bins", 30);
        return new TrajectoryRecord(TrajectoryRecord.SCHEMA, run, epoch, 10L * epoch, layer, measure, label, params, Map.of(), 4096, status,
                values, Output.unitsOf(measure, ValueNames.outputs(measure), values.keySet()), intervals, details, message, 0.01,
                Instant.parse("2026-11-22T10:00:00Z"));
    }

    /** Values in the order given, as an estimator writes them. */
    public static Map<String, Double> values(Object... nameValue) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], (Double) nameValue[i + 1]);
        }
        return m;
    }

    /** The ok records of the run "synthetic". */
    public static List<TrajectoryRecord> records() {
        List<TrajectoryRecord> r = new ArrayList<>();
        for (int epoch : EPOCHS) {
            for (int l = 0; l < 4; l++) {
                double x = ixt(epoch, l);
                double y = ity(epoch, l);
                r.add(record("synthetic", epoch, layer(l), "binning", BINNING, RecordStatus.OK, values("H_T", x, "I_XT", x, "I_TY", y),
                        Map.of(), Map.of("log2N", 12.0, "H_Y", 0.99), null));
                r.add(record("synthetic", epoch, layer(l), "kde", KDE, RecordStatus.OK, values("I_XT", x / 2, "I_TY", y / 2),
                        Map.of("I_XT", new Interval(x / 2 - 0.25, x / 2 + 0.25, x / 2), "I_TY", new Interval(y / 2 - 0.05, y / 2 + 0.05, y / 2)),
                        Map.of(), null));
                r.add(record("synthetic", epoch, layer(l), "dse", DSE, RecordStatus.OK, Map.of("DSE", 3.0 + l + epoch / 100.0), Map.of(),
                        Map.of(), null));
            }
            Map<String, Double> training = new LinkedHashMap<>();
            if (epoch > 0) {
                training.put(TrainingRecord.LOSS, 1.0 / ((epoch + 1) * (epoch + 1)));
            }
            training.put(TrainingRecord.PROBE_ACCURACY, 0.5 + epoch / 250.0);
            r.add(record("synthetic", epoch, layer(3), TrainingRecord.MEASURE, TrainingRecord.MEASURE, RecordStatus.OK, training, Map.of(),
                    Map.of(), null));
        }
        return r;
    }

    /** Writes {@code records} as the trajectory of {@code dir}, with a run.json that lists the measures in the order given. */
    public static RecordedRun write(Path dir, List<TrajectoryRecord> records, List<String> measureOrder, Map<String, Object> settings)
            throws IOException {
        try (JsonLinesTrajectoryWriter w = JsonLinesTrajectoryWriter.append(new RunDirectory(dir).trajectoryFile())) {
            records.forEach(w::accept);
        }
        List<Map<String, Object>> measures = new ArrayList<>();
        for (String label : measureOrder) {
            measures.add(Map.of("name", label.split("/")[0], "label", label, "params", Map.of("bins", 30)));
        }
        new RunDirectory(dir).writeProvenance(RunProvenance.started(dir.getFileName().toString(), Instant.parse("2026-11-22T10:00:00Z"))
                .withDataset(Map.of("name", "synthetic")).withProbe(Map.of("rows", 4096)).withSeeds(Map.of("network", 1L))
                .withMeasures(measures).withSettings(settings)
                .finish(RunStatus.FINISHED, Instant.parse("2026-11-22T10:03:20Z"), Map.of("okRecords", records.size())));
        return RecordedRun.load(dir);
    }

    /** The standard synthetic run in {@code dir}. */
    public static RecordedRun write(Path dir) throws IOException {
        return write(dir, records(), List.of(BINNING, KDE, DSE), Map.of("experiment", "synthetic"));
    }
}
