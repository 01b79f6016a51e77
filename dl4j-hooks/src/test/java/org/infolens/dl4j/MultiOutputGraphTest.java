package org.infolens.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.infolens.data.LayerActivations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.estimate.binning.AdaptiveDiscretizer;
import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.figure.InformationPlaneData;
import org.infolens.trajectory.InMemoryTrajectory;
import org.infolens.trajectory.TrainingRecord;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A two-headed ComputationGraph: labels per head, I(T;Y) and accuracy per head, the plane's lines along the graph's paths. */
class MultiOutputGraphTest {

    static final int ROWS = 120;

    /** Head A: 2 classes by the sign of x0 + x1; head B: 3 classes by x2's tercile. */
    static MultiDataSet data(long seed) {
        Random rnd = new Random(seed);
        INDArray x = Nd4j.zeros(ROWS, 4);
        INDArray a = Nd4j.zeros(ROWS, 2);
        INDArray b = Nd4j.zeros(ROWS, 3);
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < 4; j++) {
                x.putScalar(i, j, rnd.nextGaussian());
            }
            a.putScalar(i, x.getDouble(i, 0) + x.getDouble(i, 1) > 0 ? 1 : 0, 1);
            double z = x.getDouble(i, 2);
            b.putScalar(i, z < -0.43 ? 0 : z < 0.43 ? 1 : 2, 1);
        }
        return new MultiDataSet(new INDArray[] {x}, new INDArray[] {a, b});
    }

    /** in -> trunk -> a -> outA, and trunk -> outB. */
    static ComputationGraph twoHeads() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(11).updater(new Adam(0.02)).weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("in")
                .addLayer("trunk", new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.TANH).build(), "in")
                .addLayer("a", new DenseLayer.Builder().nIn(8).nOut(4).activation(Activation.TANH).build(), "trunk")
                .addLayer("outA", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(4).nOut(2).activation(Activation.SOFTMAX).build(), "a")
                .addLayer("outB", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(3).activation(Activation.SOFTMAX).build(), "trunk")
                .setOutputs("outA", "outB")
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    private static double accuracy(INDArray out, int[] labels) {
        int hits = 0;
        for (int i = 0; i < labels.length; i++) {
            hits += out.getRow(i).argMax().getInt(0) == labels[i] ? 1 : 0;
        }
        return hits / (double) labels.length;
    }

    @Test
    void eachHeadIsMeasuredAgainstItsOwnLabels() {
        MultiDataSet train = data(1);
        MultiDataSet probe = data(2);
        ComputationGraph graph = twoHeads();
        BinnedInformation binning = new BinnedInformation(AdaptiveDiscretizer.builder().build());
        InMemoryTrajectory sink = new InMemoryTrajectory();
        try (InfoPlaneListener listener = InfoPlaneListener.builder().probe(ProbeSet.of(probe)).measure(binning).sink(sink)
                .recordTraining(true).schedule(EpochSchedule.at(30)).recordBeforeTraining(true).build()) {
            graph.setListeners(listener);
            graph.fit(new org.deeplearning4j.datasets.iterator.utilty.SingletonMultiDataSetIterator(train), 30);
        }
        List<TrajectoryRecord> r = sink.records();
        Map<String, LayerId> layers = r.stream().map(TrajectoryRecord::layer).distinct()
                .collect(Collectors.toMap(LayerId::name, Function.identity(), (x, y) -> x));
        assertEquals("outA+outB", layers.get("trunk").head());
        assertEquals("outA", layers.get("a").head());
        assertEquals("outA", layers.get("outA").head());
        assertEquals("outB", layers.get("outB").head());
        assertEquals(List.of(), layers.get("trunk").from(), "it reads the network input only");
        assertEquals(List.of("trunk"), layers.get("a").from());
        assertEquals(List.of("a"), layers.get("outA").from());
        assertEquals(List.of("trunk"), layers.get("outB").from());

        // accuracy per head, against that head's labels, as the trained graph gives it
        INDArray[] out = graph.output(false, probe.getFeatures());
        int[] yA = ProbeSet.argMax(probe.getLabels(0));
        int[] yB = ProbeSet.argMax(probe.getLabels(1));
        List<TrajectoryRecord> training = r.stream().filter(x -> x.measure().equals(TrainingRecord.MEASURE) && x.epoch() == 30).toList();
        assertEquals(List.of("outA", "outB"), training.stream().map(x -> (String) x.params().get("head")).toList());
        assertEquals(accuracy(out[0], yA), training.get(0).value(TrainingRecord.PROBE_ACCURACY), 1e-12);
        assertEquals(accuracy(out[1], yB), training.get(1).value(TrainingRecord.PROBE_ACCURACY), 1e-12);
        assertTrue(training.get(0).values().containsKey(TrainingRecord.LOSS) && !training.get(1).values().containsKey(TrainingRecord.LOSS),
                "DL4J's summed score once, in the first head's record");

        // I(T;Y) of head B against B's labels, not A's (what a single label array gave before)
        NetworkCapture c = NetworkCapture.of(graph);
        var snapshot = c.capture(ProbeSet.of(probe), l -> l.name().equals("outB"), 30, 1024);
        LayerActivations outB = snapshot.layers().get(0);
        double againstB = binning.estimate(outB.layer(), outB.values(), Probe.of(yB)).value("I_TY");
        double againstA = binning.estimate(outB.layer(), outB.values(), Probe.of(yA)).value("I_TY");
        TrajectoryRecord recorded = r.stream().filter(x -> x.epoch() == 30 && x.layer().name().equals("outB") && x.measure().equals("binning"))
                .findFirst().orElseThrow();
        assertEquals(againstB, recorded.value("I_TY"), 1e-12);
        assertNotEquals(againstA, againstB);
        System.out.printf("outB: I(T;Y_B) %.4f bits (recorded), against head A's labels %.4f; accuracy A %.4f, B %.4f, "
                + "old single-label record (outB argmax vs A's labels) %.4f%n", againstB, againstA, accuracy(out[0], yA), accuracy(out[1], yB),
                accuracy(out[1], yA));

        // the plane's line follows the graph's edges: trunk-a, a-outA, trunk-outB; never outA-outB
        InformationPlaneData plane = InformationPlaneData.of(r, recorded.label());
        List<List<InformationPlaneData.Point>> paths = InformationPlaneData.paths(plane.points().stream().filter(p -> p.epoch() == 30).toList());
        assertEquals(Set.of("trunk-a", "a-outA", "trunk-outB"), paths.stream()
                .map(p -> p.get(0).layer().name() + "-" + p.get(1).layer().name()).collect(Collectors.toSet()));
    }

    @Test
    void labelArraysMustMatchTheOutputs() {
        MultiDataSet probe = data(3);
        ProbeSet three = ProbeSet.ofOutputs(probe.getFeatures(), new INDArray[] {probe.getLabels(0), probe.getLabels(1), probe.getLabels(0)});
        InfoPlaneListener listener = InfoPlaneListener.builder().probe(three).measure(new BinnedInformation(AdaptiveDiscretizer.builder().build()))
                .sink(new InMemoryTrajectory()).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> listener.record(twoHeads(), 1));
        assertTrue(e.getMessage().contains("3 label arrays") && e.getMessage().contains("[outA, outB]"), e.getMessage());
        listener.close();
        assertFalse(ProbeSet.of(probe).outputCount() == 1);
    }
}
