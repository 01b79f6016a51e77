package org.infolens.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.infolens.data.LayerId;
import org.infolens.estimate.binning.AdaptiveDiscretizer;
import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.trajectory.InMemoryTrajectory;
import org.infolens.trajectory.TrainingRecord;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** LSTM + RnnOutputLayer: time steps as rows, the last step, the mask of variable-length sequences, accuracy per step. */
class SequenceLayerTest {

    static final int SEQUENCES = 64;
    static final int T = 6;

    /** Label at step t: whether the running sum of x0 up to t is positive (needs the recurrent state). Lengths 2..T when masked. */
    static DataSet sequences(long seed, boolean variableLength) {
        Random rnd = new Random(seed);
        INDArray x = Nd4j.zeros(SEQUENCES, 2, T);
        INDArray y = Nd4j.zeros(SEQUENCES, 2, T);
        INDArray mask = Nd4j.zeros(SEQUENCES, T);
        for (int i = 0; i < SEQUENCES; i++) {
            int length = variableLength ? 2 + rnd.nextInt(T - 1) : T;
            double sum = 0;
            for (int t = 0; t < length; t++) {
                double a = rnd.nextGaussian();
                x.putScalar(i, 0, t, a);
                x.putScalar(i, 1, t, rnd.nextGaussian());
                sum += a;
                y.putScalar(i, sum > 0 ? 1 : 0, t, 1);
                mask.putScalar(i, t, 1);
            }
        }
        return variableLength ? new DataSet(x, y, mask, mask) : new DataSet(x, y);
    }

    static MultiLayerNetwork lstm() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(3).updater(new Adam(0.03)).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new LSTM.Builder().name("lstm").nOut(8).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.recurrent(2, T))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** DL4J's own accuracy over every (unmasked) time step. */
    static double dl4jAccuracy(MultiLayerNetwork net, DataSet d) {
        INDArray out = net.output(d.getFeatures(), false, d.getFeaturesMaskArray(), d.getLabelsMaskArray());
        Evaluation e = new Evaluation();
        e.evalTimeSeries(d.getLabels(), out, d.getLabelsMaskArray());
        return e.accuracy();
    }

    private static List<TrajectoryRecord> record(MultiLayerNetwork net, DataSet train, DataSet probe, int epochs,
                                                 InfoPlaneListener.Builder builder, InMemoryTrajectory sink) {
        try (InfoPlaneListener listener = builder.probe(ProbeSet.of(probe)).measure(new BinnedInformation(AdaptiveDiscretizer.builder().build()))
                .sink(sink).recordTraining(true).schedule(EpochSchedule.at(epochs)).build()) {
            net.setListeners(listener);
            net.fit(new ListDataSetIterator<>(train.asList(), 16), epochs);
        }
        return sink.records();
    }

    private static TrajectoryRecord training(List<TrajectoryRecord> r) {
        return r.stream().filter(x -> x.measure().equals(TrainingRecord.MEASURE)).findFirst().orElseThrow();
    }

    @Test
    void anLstmIsRecordedByTimeStepWithAccuracyPerStep() {
        DataSet train = sequences(1, false);
        DataSet probe = sequences(2, false);
        MultiLayerNetwork net = lstm();
        List<TrajectoryRecord> r = record(net, train, probe, 8, InfoPlaneListener.builder(), new InMemoryTrajectory());
        LayerId lstm = r.stream().map(TrajectoryRecord::layer).filter(l -> l.name().equals("lstm")).findFirst().orElseThrow();
        LayerId out = training(r).layer();
        assertEquals(List.of("lstm", "steps", 6, 8), List.of(lstm.name(), lstm.sequence(), lstm.steps(), lstm.width()));
        assertEquals(List.of("out", "steps", 6, 2), List.of(out.name(), out.sequence(), out.steps(), out.width()));
        assertEquals(SEQUENCES * T, training(r).n(), "a row per time step");
        double accuracy = training(r).value(TrainingRecord.PROBE_ACCURACY);
        assertEquals(dl4jAccuracy(net, probe), accuracy, 1e-12);
        assertTrue(accuracy > 0.75, "the LSTM learns the running sign: " + accuracy);
        // before: units x T columns and one label per sequence; the argmax over classes and steps together
        INDArray flat = net.output(probe.getFeatures()).reshape('c', SEQUENCES, 2 * T);
        int[] lastLabels = ProbeSet.argMax(probe.getLabels().get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(T - 1)));
        int hits = 0;
        for (int i = 0; i < SEQUENCES; i++) {
            hits += flat.getRow(i).argMax().getInt(0) == lastLabels[i] ? 1 : 0;
        }
        System.out.printf("probe accuracy per step %.4f (DL4J %.4f); old flattened argmax against the last label %.4f%n", accuracy,
                dl4jAccuracy(net, probe), hits / (double) SEQUENCES);
    }

    @Test
    void variableLengthSequencesKeepTheirMasks() {
        DataSet train = sequences(3, true);
        DataSet probe = sequences(4, true);
        int steps = probe.getLabelsMaskArray().sumNumber().intValue();
        MultiLayerNetwork net = lstm();
        List<TrajectoryRecord> r = record(net, train, probe, 6, InfoPlaneListener.builder(), new InMemoryTrajectory());
        assertEquals(steps, training(r).n(), "a row per unmasked step");
        assertEquals(dl4jAccuracy(net, probe), training(r).value(TrainingRecord.PROBE_ACCURACY), 1e-12);

        // the last step of each sequence is its last unmasked one: the LSTM's state where the sequence ends
        ProbeSet p = ProbeSet.ofSequences(probe.getFeatures(), probe.getLabels(), probe.getFeaturesMaskArray(), null);
        NetworkCapture c = NetworkCapture.of(net);
        c.sequenceViews(name -> SequenceView.LAST_STEP);
        var snapshot = c.capture(p, l -> l.name().equals("lstm"), 6, 1024);
        assertEquals("last-step", snapshot.layers().get(0).layer().sequence());
        net.setLayerMaskArrays(probe.getFeaturesMaskArray(), null);
        INDArray hidden = net.feedForward(probe.getFeatures(), false).get(1); // [N, 8, T]
        net.clearLayerMaskArrays();
        for (int i = 0; i < SEQUENCES; i++) {
            int last = probe.getFeaturesMaskArray().getRow(i).sumNumber().intValue() - 1;
            float[] expected = hidden.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.point(last)).toFloatVector();
            for (int row = p.firstRow(i); row < p.firstRow(i + 1); row++) { // repeated at each of its steps
                float[] got = new float[8];
                for (int u = 0; u < 8; u++) {
                    got[u] = (float) snapshot.layers().get(0).values().get(row, u);
                }
                assertArrayEquals(expected, got, 1e-6f, "sequence " + i);
            }
        }
    }

    @Test
    void aGraphGetsTheMasksToo() {
        DataSet train = sequences(6, true);
        DataSet probe = sequences(7, true);
        org.deeplearning4j.nn.graph.ComputationGraph graph = new org.deeplearning4j.nn.graph.ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(3).updater(new Adam(0.03)).weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("in")
                .addLayer("lstm", new LSTM.Builder().nIn(2).nOut(8).activation(Activation.TANH).build(), "in")
                .addLayer("out", new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(2).activation(Activation.SOFTMAX).build(),
                        "lstm")
                .setOutputs("out")
                .setInputTypes(InputType.recurrent(2, T))
                .build());
        graph.init();
        InMemoryTrajectory sink = new InMemoryTrajectory();
        try (InfoPlaneListener listener = InfoPlaneListener.builder().probe(ProbeSet.of(probe))
                .measure(new BinnedInformation(AdaptiveDiscretizer.builder().build())).sink(sink).recordTraining(true)
                .schedule(EpochSchedule.at(6)).build()) {
            graph.setListeners(listener);
            graph.fit(new ListDataSetIterator<>(train.asList(), 16), 6);
        }
        INDArray out = graph.output(false, new INDArray[] {probe.getFeatures()}, new INDArray[] {probe.getFeaturesMaskArray()},
                new INDArray[] {probe.getLabelsMaskArray()})[0];
        Evaluation e = new Evaluation();
        e.evalTimeSeries(probe.getLabels(), out, probe.getLabelsMaskArray());
        TrajectoryRecord t = training(sink.records());
        assertEquals(probe.getLabelsMaskArray().sumNumber().intValue(), t.n());
        assertEquals(e.accuracy(), t.value(TrainingRecord.PROBE_ACCURACY), 1e-12);
    }

    @Test
    void oneLabelPerSequenceRecordsTheLastStepOrTheFlattenedSteps() {
        DataSet seq = sequences(5, true);
        INDArray lastLabels = Nd4j.zeros(SEQUENCES, 2);
        for (int i = 0; i < SEQUENCES; i++) {
            int last = seq.getFeaturesMaskArray().getRow(i).sumNumber().intValue() - 1;
            lastLabels.putRow(i, seq.getLabels().get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.point(last)));
        }
        ProbeSet p = ProbeSet.ofSequences(seq.getFeatures(), lastLabels, seq.getFeaturesMaskArray(), null);
        assertEquals(SEQUENCES, p.rows());
        InMemoryTrajectory sink = new InMemoryTrajectory();
        try (InfoPlaneListener listener = InfoPlaneListener.builder().probe(p).measure(new BinnedInformation(AdaptiveDiscretizer.builder().build()))
                .sink(sink).recordTraining(true).sequenceView("out", SequenceView.FLATTENED).build()) {
            listener.record(lstm(), 1);
        }
        List<LayerId> layers = sink.records().stream().map(TrajectoryRecord::layer).distinct().toList();
        assertEquals(List.of("last-step", "flattened"), layers.stream().map(LayerId::sequence).toList());
        assertEquals(List.of(8, 2 * T), layers.stream().map(LayerId::width).toList());
        assertTrue(sink.records().stream().noneMatch(x -> x.measure().equals(TrainingRecord.MEASURE)),
                "no loss before training, and no argmax over classes x steps");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InfoPlaneListener.builder().probe(p).measure(new BinnedInformation(AdaptiveDiscretizer.builder().build()))
                        .sink(new InMemoryTrajectory()).sequenceView(SequenceView.STEPS).build());
        assertTrue(e.getMessage().contains("labelled per time step"), e.getMessage());
    }
}
