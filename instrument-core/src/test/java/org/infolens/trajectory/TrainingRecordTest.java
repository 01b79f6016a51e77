package org.infolens.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.infolens.data.ActivationSnapshot;
import org.infolens.data.Activations;
import org.infolens.data.LayerActivations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.Probe;
import org.junit.jupiter.api.Test;

class TrainingRecordTest {

    private static final LayerId HIDDEN = new LayerId(0, "hidden", 3, LayerKind.DENSE, "tanh");
    private static final LayerId OUTPUT = new LayerId(1, "out", 3, LayerKind.OUTPUT, "softmax");

    /** Four rows; the output's argmax is 0, 1, 2, 2 against labels 0, 1, 2, 0: three right. */
    private static ActivationSnapshot snapshot(int epoch, boolean withOutput) {
        Activations hidden = Activations.ofRows(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}});
        Activations out = Activations.ofRows(new double[][] {{0.8, 0.1, 0.1}, {0.2, 0.7, 0.1}, {0.1, 0.1, 0.8}, {0.3, 0.3, 0.4}});
        return new ActivationSnapshot(epoch, 40, withOutput ? List.of(new LayerActivations(HIDDEN, hidden), new LayerActivations(OUTPUT, out))
                : List.of(new LayerActivations(HIDDEN, hidden)));
    }

    @Test
    void lossAndProbeAccuracyOfTheOutputLayer() {
        Probe probe = Probe.of(new int[] {0, 1, 2, 0});
        TrajectoryRecord r = TrainingRecord.of("run", snapshot(5, true), 0.42, 7, probe).orElseThrow();
        assertEquals(TrainingRecord.MEASURE, r.measure());
        assertEquals(OUTPUT, r.layer());
        assertEquals(5, r.epoch());
        assertEquals(Map.of(TrainingRecord.LOSS, 0.42, TrainingRecord.PROBE_ACCURACY, 0.75), r.values());
        assertEquals(7, r.details().get("minibatches"));
        assertTrue(r.isOk());
    }

    @Test
    void beforeTrainingThereIsNoLossAndWithoutTheOutputLayerNoAccuracy() {
        Probe probe = Probe.of(new int[] {0, 1, 2, 0});
        assertEquals(Map.of(TrainingRecord.PROBE_ACCURACY, 0.75),
                TrainingRecord.of("run", snapshot(0, true), Double.NaN, 0, probe).orElseThrow().values());
        assertEquals(Map.of(TrainingRecord.LOSS, 0.3), TrainingRecord.of("run", snapshot(1, false), 0.3, 2, probe).orElseThrow().values(),
                "a hidden layer's argmax is no prediction");
        assertTrue(TrainingRecord.of("run", snapshot(0, false), Double.NaN, 0, probe).isEmpty());
    }
}
