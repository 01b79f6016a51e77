package org.infolens.trajectory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.infolens.data.ActivationSnapshot;
import org.infolens.data.Activations;
import org.infolens.data.LayerActivations;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Output;
import org.infolens.measure.Unit;

/**
 * The {@value #MEASURE} record of a recorded epoch: how training was going when the probe was
 * captured, so figures can put loss and accuracy beside the information measures. Its values are plain
 * numbers ({@link #OUTPUTS}): {@value #LOSS} is the network's own score (the mean minibatch loss of the epoch just finished,
 * regularisation included, in the loss function's units) and {@value #PROBE_ACCURACY} the share of
 * probe rows whose largest output is their label. The record names the output layer.
 */
public final class TrainingRecord {

    public static final String MEASURE = "training";
    public static final String LOSS = "loss";
    public static final String PROBE_ACCURACY = "probe_accuracy";
    /** What the record's values are: plain numbers. */
    public static final List<Output> OUTPUTS = List.of(Output.of(LOSS, "training loss", Unit.NUMBER),
            Output.of(PROBE_ACCURACY, "probe accuracy", Unit.NUMBER));

    private TrainingRecord() {
    }

    /**
     * The record of {@code snapshot}: the loss when finite (NaN before training), the probe accuracy
     * when the snapshot's last layer is a labelled probe's output layer; empty when neither applies.
     *
     * @param minibatches how many minibatch scores {@code loss} averages
     */
    public static Optional<TrajectoryRecord> of(String run, ActivationSnapshot snapshot, double loss, int minibatches, Probe probe) {
        if (snapshot.layers().isEmpty()) {
            return Optional.empty();
        }
        LayerActivations last = snapshot.layers().get(snapshot.layers().size() - 1);
        return of(run, snapshot, last, loss, minibatches, probe, Map.of("loss", "mean minibatch score since the previous record",
                "accuracy", "argmax of the output layer"));
    }

    /**
     * The records of a network with several outputs, one per recorded output layer ({@link
     * org.infolens.data.LayerId#head()}), its accuracy against its own labels ({@link Probe#forHead});
     * the loss, DL4J's score of the whole network (the sum of the heads' losses), in the first head's record.
     */
    public static List<TrajectoryRecord> perHead(String run, ActivationSnapshot snapshot, double loss, int minibatches, Probe probe) {
        List<TrajectoryRecord> out = new java.util.ArrayList<>();
        for (String head : probe.heads()) { // the network's output order
            LayerActivations l = snapshot.layers().stream().filter(x -> x.layer().kind().isOutput() && head.equals(x.layer().head()))
                    .findFirst().orElse(null);
            if (l == null) {
                continue;
            }
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("head", head);
            params.put("loss", "DL4J's score since the previous record: the sum of every head's loss, in the first head's record");
            params.put("accuracy", "argmax of this head against its labels");
            of(run, snapshot, l, out.isEmpty() ? loss : Double.NaN, minibatches, probe.forHead(head), params).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<TrajectoryRecord> of(String run, ActivationSnapshot snapshot, LayerActivations layer, double loss, int minibatches,
                                                 Probe probe, Map<String, Object> params) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (Double.isFinite(loss)) {
            values.put(LOSS, loss);
        }
        probeAccuracy(layer, probe).ifPresent(a -> values.put(PROBE_ACCURACY, a));
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TrajectoryRecord.estimated(run, snapshot.epoch(), snapshot.iteration(), layer.layer(), MEASURE, MEASURE, params,
                OUTPUTS, layer.values().rows(), new Estimate(values, Map.of(), Map.of("minibatches", minibatches)), 0));
    }

    /** Accuracy of the output layer's argmax on the probe labels; empty unless the layer is an output layer wide enough. */
    static Optional<Double> probeAccuracy(LayerActivations layer, Probe probe) {
        Activations a = layer.values();
        // a flattened time axis holds classes x steps columns: their argmax is no class
        if (!layer.layer().kind().isOutput() || !probe.hasLabels() || probe.labelsRenumbered() || a.columns() < probe.classes()
                || a.countNonFinite() > 0 || "flattened".equals(layer.layer().sequence())) {
            return Optional.empty();
        }
        int[] labels = probe.labels();
        int correct = 0;
        for (int row = 0; row < a.rows(); row++) {
            int best = 0;
            for (int c = 1; c < a.columns(); c++) {
                if (a.get(row, c) > a.get(row, best)) {
                    best = c;
                }
            }
            correct += best == labels[row] ? 1 : 0;
        }
        return Optional.of(correct / (double) a.rows());
    }
}
