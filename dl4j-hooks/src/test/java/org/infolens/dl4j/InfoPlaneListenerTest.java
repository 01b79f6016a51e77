package org.infolens.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.estimate.binning.AdaptiveDiscretizer;
import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.estimate.binning.FixedRangeDiscretizer;
import org.infolens.estimate.binning.GlobalMinMaxDiscretizer;
import org.infolens.estimate.parameters.GradientSignalToNoise;
import org.infolens.estimate.parameters.WeightConditionNumber;
import org.infolens.figure.RunFigures;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunProvenance;
import org.infolens.run.RunStatus;
import org.infolens.trajectory.InMemoryTrajectory;
import org.infolens.trajectory.RecordStatus;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class InfoPlaneListenerTest {

    @TempDir
    Path dir;

    private static BinnedInformation fixedRange() {
        return new BinnedInformation(FixedRangeDiscretizer.builder().build());
    }

    private static Set<Integer> epochs(List<TrajectoryRecord> r) {
        return r.stream().map(TrajectoryRecord::epoch).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void multiLayerNetworkRecordsEveryLayerAtEveryScheduledEpoch() throws IOException {
        DataSet data = TestNetworks.data(1);
        MultiLayerNetwork net = TestNetworks.mlp();
        Path run = dir.resolve("mlp-run");
        try (InfoPlaneListener listener = InfoPlaneListener.builder()
                .probe(ProbeSet.of(data))
                .measure(new BinnedInformation(GlobalMinMaxDiscretizer.builder().build())) // two-pass: records come last
                .measure(fixedRange())
                .measure(new BinnedInformation(AdaptiveDiscretizer.builder().build()))
                .schedule(EpochSchedule.every(2))
                .recordBeforeTraining(true)
                .outputDirectory(run)
                .onClose(RunFigures::draw)
                .build()) {
            net.setListeners(listener);
            net.fit(TestNetworks.iterator(data), 6);
        }
        List<TrajectoryRecord> r = TrajectoryReader.read(new RunDirectory(run).trajectoryFile()).records();
        assertEquals(Set.of(0, 2, 4, 6), epochs(r));
        assertEquals(4 * 3 * 3, r.size(), "4 epochs x 3 layers x 3 measures");
        assertTrue(r.stream().allMatch(TrajectoryRecord::isOk), () -> r.stream().filter(x -> !x.isOk()).findFirst().toString());
        List<LayerId> layers = r.stream().map(TrajectoryRecord::layer).distinct().toList();
        assertEquals(List.of(LayerKind.DENSE, LayerKind.DENSE, LayerKind.OUTPUT), layers.stream().map(LayerId::kind).toList());
        assertEquals(List.of("tanh", "relu", "softmax"), layers.stream().map(LayerId::activation).toList());
        assertEquals(List.of(6, 3, 2), layers.stream().map(LayerId::width).toList());
        double log2N = Math.log(TestNetworks.ROWS) / Math.log(2);
        for (TrajectoryRecord x : r) {
            assertEquals(TestNetworks.ROWS, x.n());
            assertTrue(x.value("I_XT") <= log2N + 1e-12 && x.value("I_TY") <= 1 + 1e-12 && x.value("I_TY") >= -1e-12);
        }
        // the adaptive measure resolved its lower limit per layer from the activation function
        assertEquals(Set.of(-1.000001, 0.0), r.stream().filter(x -> x.label().startsWith("binning/adaptive"))
                .map(x -> x.resolved().get("low")).collect(Collectors.toSet()));
        assertTrue(r.stream().filter(x -> x.label().startsWith("binning/adaptive")).allMatch(x -> x.params().get("low").equals("auto")),
                "the parameter stays what was asked for");
        // the global range was observed over the run and every record carries it, resolved
        assertEquals(List.of(1L), r.stream().filter(x -> x.label().startsWith("binning/global"))
                .map(x -> x.resolved().get("hi") == null ? 0L : 1L).distinct().toList());
        assertEquals(1, r.stream().filter(x -> x.label().startsWith("binning/global")).map(x -> x.resolved().get("hi")).distinct().count());

        RunProvenance p = new RunDirectory(run).readProvenance();
        assertEquals(RunStatus.FINISHED, p.status());
        assertEquals(TestNetworks.ROWS, p.probe().get("rows"));
        assertEquals(64, ((String) p.probe().get("sha256")).length());
        assertEquals(3, p.measures().size());
        assertEquals(7L, p.seeds().get("network"));
        assertTrue(p.network().has("confs"), "the DL4J configuration JSON is kept");
        assertEquals(36, ((Number) p.summary().get("okRecords")).intValue());
        assertTrue(Files.size(run.resolve("figures/information-plane.png")) > 10_000);
        assertTrue(Files.exists(run.resolve("figures/information-plane.svg")) && Files.exists(run.resolve("figures/measures-vs-epoch.png")));
        // the first measure of the run is the first panel, though its records were written last
        assertEquals("binning/global-minmax-100",
                org.infolens.figure.InformationPlaneFigure.data(org.infolens.run.RecordedRun.load(run)).get(0).label());
    }

    @Test
    void computationGraphRecordsVerticesInTopologicalOrderWithTheOutputLast() throws IOException {
        DataSet data = TestNetworks.data(2);
        ComputationGraph graph = TestNetworks.graph();
        InMemoryTrajectory sink = new InMemoryTrajectory();
        try (InfoPlaneListener listener = InfoPlaneListener.builder()
                .probe(ProbeSet.of(data))
                .measure(fixedRange())
                .sink(sink)
                .captureBatchSize(40) // several forward passes per capture
                .build()) {
            graph.setListeners(listener);
            graph.fit(TestNetworks.iterator(data), 3);
        }
        List<TrajectoryRecord> r = sink.records();
        assertEquals(Set.of(1, 2, 3), epochs(r));
        List<LayerId> layers = r.stream().map(TrajectoryRecord::layer).distinct().toList();
        List<String> names = layers.stream().map(LayerId::name).toList();
        assertEquals(4, names.size());
        assertEquals("out", names.get(3));
        assertTrue(names.indexOf("merge") > names.indexOf("a") && names.indexOf("merge") > names.indexOf("b"));
        assertEquals(8, layers.get(names.indexOf("merge")).width());
        assertEquals(LayerKind.MERGE, layers.get(names.indexOf("merge")).kind());
        assertTrue(r.stream().allMatch(TrajectoryRecord::isOk));
    }

    @Test
    void estimatorsOfTheWholeFamilyRunInTheListenerWithIntervalsOnRequest() throws IOException {
        DataSet data = TestNetworks.data(9);
        MultiLayerNetwork net = TestNetworks.mlp();
        InMemoryTrajectory sink = new InMemoryTrajectory();
        try (InfoPlaneListener listener = InfoPlaneListener.builder()
                .probe(ProbeSet.of(data))
                .measure(org.infolens.estimate.EstimatorCatalog.fromSpec("kde"))
                .measure(new org.infolens.estimate.knn.KsgMutualInformation(org.infolens.estimate.knn.KnnSettings.defaults(), 1))
                .measure(new org.infolens.estimate.knn.RossMutualInformation(org.infolens.estimate.knn.KnnSettings.defaults()))
                .measure(org.infolens.estimate.lossy.LossyCompressionMI.builder().autoencoder(3, 8).build())
                .confidenceIntervals(org.infolens.estimate.interval.IntervalSettings.defaults())
                .sink(sink)
                .build()) {
            net.setListeners(listener);
            net.fit(TestNetworks.iterator(data), 2);
        }
        List<TrajectoryRecord> r = sink.records();
        assertEquals(2 * 3 * 4, r.size());
        assertTrue(r.stream().allMatch(TrajectoryRecord::isOk), () -> r.stream().filter(x -> !x.isOk()).map(TrajectoryRecord::message).toList().toString());
        for (TrajectoryRecord x : r) {
            assertEquals(x.values().keySet(), x.intervals().keySet(), x.label() + ": every value has its interval");
            assertTrue(x.params().containsKey("interval"));
        }
        // KSG's second variable is the probe's inputs: the listener hands them over
        assertTrue(r.stream().anyMatch(x -> x.measure().equals("ksg") && x.values().containsKey("I")));
    }

    @Test
    void batchedCaptureEqualsOneForwardPass() throws IOException {
        DataSet data = TestNetworks.data(3);
        MultiLayerNetwork net = TestNetworks.mlp();
        NetworkCapture capture = NetworkCapture.of(net);
        ProbeSet probe = ProbeSet.of(data);
        var whole = capture.capture(probe, l -> true, 1, 1000);
        var batched = capture.capture(probe, l -> true, 1, 7);
        assertEquals(whole.layers(), batched.layers());
    }

    /** The trajectory of one short training, captured on the worker from weight copies or on the training thread. */
    private static List<TrajectoryRecord> trained(org.deeplearning4j.nn.api.Model net, DataSet data, boolean onWorker) {
        InMemoryTrajectory sink = new InMemoryTrajectory();
        try (InfoPlaneListener listener = InfoPlaneListener.builder()
                .probe(ProbeSet.of(data))
                .measure(fixedRange())
                .measure(new BinnedInformation(org.infolens.estimate.binning.AdaptiveDiscretizer.builder().build()))
                .recordBeforeTraining(true)
                .captureOnWorker(onWorker)
                .captureBatchSize(40)
                .sink(sink)
                .build()) {
            net.setListeners(listener);
            if (net instanceof MultiLayerNetwork m) {
                m.fit(TestNetworks.iterator(data), 4);
            } else {
                ((ComputationGraph) net).fit(TestNetworks.iterator(data), 4);
            }
        }
        return sink.records();
    }

    @Test
    void captureOnTheWorkerFromWeightCopiesEqualsCaptureOnTheTrainingThread() {
        DataSet data = TestNetworks.data(5);
        for (boolean graph : new boolean[] {false, true}) {
            List<TrajectoryRecord> worker = trained(graph ? TestNetworks.graph() : TestNetworks.mlp(), data, true);
            List<TrajectoryRecord> thread = trained(graph ? TestNetworks.graph() : TestNetworks.mlp(), data, false);
            assertEquals(Set.of(0, 1, 2, 3, 4), epochs(worker));
            assertEquals(thread.size(), worker.size());
            for (int i = 0; i < worker.size(); i++) {
                TrajectoryRecord a = worker.get(i);
                TrajectoryRecord b = thread.get(i);
                assertEquals(b.epoch(), a.epoch());
                assertEquals(b.iteration(), a.iteration(), "the iteration of the weights, not of the copy");
                assertEquals(b.layer(), a.layer());
                assertEquals(b.values(), a.values(), (graph ? "graph" : "mlp") + " epoch " + a.epoch() + " " + a.layer().name());
            }
        }
    }

    @Test
    void manualRecordingWorksWithoutEpochCallbacks() throws IOException {
        DataSet data = TestNetworks.data(4);
        MultiLayerNetwork net = TestNetworks.mlp();
        InMemoryTrajectory sink = new InMemoryTrajectory();
        try (InfoPlaneListener listener = InfoPlaneListener.builder().probe(ProbeSet.of(data)).measure(fixedRange()).sink(sink)
                .layers(l -> l.kind() != LayerKind.OUTPUT, "hidden layers").build()) {
            for (int epoch = 1; epoch <= 3; epoch++) {
                net.fit(data); // fires no epoch callbacks
                listener.record(net, epoch);
            }
        }
        assertEquals(Set.of(1, 2, 3), epochs(sink.records()));
        assertEquals(3 * 2, sink.records().size(), "the output layer filtered out");
    }

    @Test
    void nanActivationsBecomeErrorRecordsAndTrainingGoesOn() throws IOException {
        DataSet data = TestNetworks.data(5);
        MultiLayerNetwork net = TestNetworks.mlp();
        InMemoryTrajectory sink = new InMemoryTrajectory();
        try (InfoPlaneListener listener = InfoPlaneListener.builder().probe(ProbeSet.of(data)).measure(fixedRange()).sink(sink).build()) {
            net.setListeners(listener);
            net.fit(TestNetworks.iterator(data), 1);
            net.getLayer(1).setParam("W", Nd4j.valueArrayOf(net.getLayer(1).getParam("W").shape(), Double.NaN));
            net.fit(TestNetworks.iterator(data), 2);
        }
        List<TrajectoryRecord> r = sink.records();
        assertEquals(Set.of(1, 2, 3), epochs(r));
        assertEquals(9, r.size(), "every layer recorded at every epoch, estimated or not");
        for (TrajectoryRecord x : r) {
            if (x.epoch() == 1) {
                assertEquals(RecordStatus.OK, x.status());
            } else if (x.layer().index() >= 1) { // downstream of the NaN weights (NaN gradients reach layer 0 too)
                assertEquals(RecordStatus.ERROR, x.status());
                assertTrue(x.message().contains("NaN") && x.message().contains("epoch " + x.epoch())
                        && x.message().contains(x.layer().name()), x.message());
            }
        }
    }

    /** Copies one parameter's raw gradient at every iteration of one epoch, to check the listener against. */
    private static final class GradientRecorder extends org.deeplearning4j.optimize.api.BaseTrainingListener {
        final List<double[]> gradients = new java.util.ArrayList<>();
        final List<Integer> batchSizes = new java.util.ArrayList<>();
        private final String key;
        private final int epoch; // 0-based DL4J epoch counter

        GradientRecorder(String key, int epoch) {
            this.key = key;
            this.epoch = epoch;
        }

        @Override
        public void onGradientCalculation(org.deeplearning4j.nn.api.Model model) {
            if (((MultiLayerNetwork) model).getEpochCount() == epoch) {
                gradients.add(model.gradient().gradientForVariable().get(key).dup('c').data().asDouble());
                batchSizes.add(model.batchSize());
            }
        }
    }

    private static TrajectoryRecord find(List<TrajectoryRecord> r, String measure, int epoch, int layer) {
        return r.stream().filter(x -> x.measure().equals(measure) && x.epoch() == epoch && x.layer().index() == layer)
                .findFirst().orElseThrow(() -> new AssertionError("no " + measure + " record of layer " + layer + " at epoch " + epoch));
    }

    @Test
    void weightConditionAndGradientSignalToNoiseAtRecordedEpochsOfEveryWeightedLayer() {
        DataSet data = TestNetworks.data(11);
        MultiLayerNetwork net = TestNetworks.mlp();
        InMemoryTrajectory sink = new InMemoryTrajectory();
        GradientRecorder recorder = new GradientRecorder("1_W", 3); // the 4th epoch: recorded as epoch 4
        InfoPlaneListener listener = InfoPlaneListener.builder().probe(ProbeSet.of(data)).measure(fixedRange()).sink(sink)
                .parameterMeasure(new WeightConditionNumber()).parameterMeasure(new GradientSignalToNoise())
                .schedule(EpochSchedule.every(2)).recordBeforeTraining(true).build();
        assertTrue(listener.toString().contains("weight-condition") && listener.toString().contains("gradient-snr"), listener.toString());
        try (listener) {
            net.setListeners(listener, recorder);
            net.fit(TestNetworks.iterator(data), 6);
        }
        List<TrajectoryRecord> r = sink.records();
        assertTrue(r.stream().allMatch(TrajectoryRecord::isOk), () -> r.stream().filter(x -> !x.isOk()).map(TrajectoryRecord::message).toList().toString());
        List<TrajectoryRecord> conditions = r.stream().filter(x -> x.measure().equals("weight-condition")).toList();
        List<TrajectoryRecord> snrs = r.stream().filter(x -> x.measure().equals("gradient-snr")).toList();
        assertEquals(Set.of(0, 2, 4, 6), epochs(conditions));
        assertEquals(Set.of(2, 4, 6), epochs(snrs), "no gradients before training");
        assertEquals(4 * 3, conditions.size());
        assertEquals(3 * 3, snrs.size());
        for (TrajectoryRecord x : snrs) {
            // only the recorded epoch's 6 minibatches count, not those of the unrecorded epoch before it
            assertEquals(96 / 16, x.details().get("iterations"));
            assertTrue(x.value("snr") > 0 && Double.isFinite(x.value("snr")));
        }
        for (TrajectoryRecord x : conditions) {
            assertTrue(x.value("condition") >= 1 && Double.isFinite(x.value("condition")));
        }

        // the record equals moments computed here from copies of the raw gradients, divided by the batch size
        TrajectoryRecord snr = find(r, "gradient-snr", 4, 1);
        int n = recorder.gradients.size();
        assertEquals(6, n);
        int d = recorder.gradients.get(0).length;
        double meanSq = 0;
        double var = 0;
        for (int j = 0; j < d; j++) {
            double s = 0;
            double q = 0;
            for (int t = 0; t < n; t++) {
                double g = recorder.gradients.get(t)[j] / recorder.batchSizes.get(t);
                s += g;
                q += g * g;
            }
            meanSq += (s / n) * (s / n);
            var += q / n - (s / n) * (s / n);
        }
        assertEquals(Math.sqrt(meanSq), snr.value("meanNorm"), 1e-6 * Math.sqrt(meanSq));
        assertEquals(Math.sqrt(var), snr.value("stdNorm"), 1e-5 * Math.sqrt(var));

        // the last record's weights are the trained network's: [nIn, nOut] = 4 x 6 for layer 0
        TrajectoryRecord last = find(r, "weight-condition", 6, 0);
        assertEquals(4, last.details().get("rows"));
        assertEquals(6, last.details().get("columns"));
        double[] sigma = singularValues(net.getLayer(0).getParam("W"));
        assertEquals(sigma[0] / sigma[sigma.length - 1], last.value("condition"), 1e-9 * last.value("condition"));
    }

    private static double[] singularValues(org.nd4j.linalg.api.ndarray.INDArray w) {
        var a = w.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('f');
        var s = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, Math.min(a.rows(), a.columns()));
        Nd4j.getBlasWrapper().lapack().gesvd(a, s, null, null);
        return s.toDoubleVector();
    }

    @Test
    void graphLayersGetParameterRecordsByVertexNameAndManualLoopsCountTheIterationsSinceTheLastRecord() {
        DataSet data = TestNetworks.data(12);
        ComputationGraph graph = TestNetworks.graph();
        InMemoryTrajectory sink = new InMemoryTrajectory();
        try (InfoPlaneListener listener = InfoPlaneListener.builder().probe(ProbeSet.of(data)).measure(fixedRange()).sink(sink)
                .parameterMeasure(new WeightConditionNumber()).parameterMeasure(new GradientSignalToNoise()).build()) {
            graph.setListeners(listener);
            for (int epoch = 1; epoch <= 2; epoch++) {
                for (DataSet batch : data.batchBy(32)) {
                    graph.fit(batch); // no epoch callbacks: the window is the iterations since the last record
                }
                listener.record(graph, epoch);
            }
        }
        List<TrajectoryRecord> snrs = sink.records().stream().filter(x -> x.measure().equals("gradient-snr")).toList();
        assertEquals(Set.of("a", "b", "out"), snrs.stream().map(x -> x.layer().name()).collect(Collectors.toSet()), "merge has no weights");
        assertEquals(2 * 3, snrs.size());
        assertTrue(snrs.stream().allMatch(x -> x.isOk() && x.details().get("iterations").equals(3)));
        assertEquals(2 * 3, sink.records().stream().filter(x -> x.measure().equals("weight-condition") && x.isOk()).count());
    }

    @Test
    void nanWeightsGiveParameterErrorRecordsAndTrainingGoesOn() {
        DataSet data = TestNetworks.data(13);
        MultiLayerNetwork net = TestNetworks.mlp();
        InMemoryTrajectory sink = new InMemoryTrajectory();
        try (InfoPlaneListener listener = InfoPlaneListener.builder().probe(ProbeSet.of(data)).measure(fixedRange()).sink(sink)
                .parameterMeasure(new WeightConditionNumber()).parameterMeasure(new GradientSignalToNoise()).build()) {
            net.setListeners(listener);
            net.fit(TestNetworks.iterator(data), 1);
            net.getLayer(1).setParam("W", Nd4j.valueArrayOf(net.getLayer(1).getParam("W").shape(), Double.NaN));
            net.fit(TestNetworks.iterator(data), 2);
        }
        List<TrajectoryRecord> r = sink.records();
        assertEquals(Set.of(1, 2, 3), epochs(r));
        assertTrue(r.stream().filter(x -> x.epoch() == 1).allMatch(TrajectoryRecord::isOk));
        TrajectoryRecord condition = find(r, "weight-condition", 2, 1);
        assertEquals(RecordStatus.ERROR, condition.status());
        assertTrue(condition.message().contains("NaN") && condition.message().contains("epoch 2"), condition.message());
        assertEquals(RecordStatus.ERROR, find(r, "gradient-snr", 3, 1).status());
        assertEquals(3 * 3 * 3, r.size(), "every (epoch, layer, measure) has its record: the run went on");
    }

    @Test
    void configurationErrorsAreClear() {
        DataSet data = TestNetworks.data(6);
        assertThrows(IllegalArgumentException.class, () -> InfoPlaneListener.builder().measure(fixedRange()).sink(new InMemoryTrajectory()).build());
        assertThrows(IllegalArgumentException.class, () -> InfoPlaneListener.builder().probe(ProbeSet.of(data)).sink(new InMemoryTrajectory()).build());
        assertThrows(IllegalArgumentException.class, () -> InfoPlaneListener.builder().probe(ProbeSet.of(data)).measure(fixedRange()).build());
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> ProbeSet.of(data.getFeatures(), new int[] {0, 1}));
        assertTrue(labels.getMessage().contains("96 rows but 2 labels"), labels.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ProbeSet.of(Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 0, 4), new int[0]));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());

        // a probe that does not fit the network fails at the first record, saying so
        InfoPlaneListener wrongWidth = InfoPlaneListener.builder().probe(ProbeSet.of(Nd4j.rand(10, 7), new int[10]))
                .measure(fixedRange()).sink(new InMemoryTrajectory()).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wrongWidth.record(TestNetworks.mlp(), 1));
        assertTrue(e.getMessage().contains("does not fit the network") && e.getMessage().contains("[10, 7]"), e.getMessage());
        wrongWidth.close();

        // one listener, one network: a second network would silently mix two runs in one trajectory
        InfoPlaneListener one = InfoPlaneListener.builder().probe(ProbeSet.of(data)).measure(fixedRange())
                .sink(new InMemoryTrajectory()).build();
        one.record(TestNetworks.mlp(), 1);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> one.record(TestNetworks.mlp(), 2));
        assertTrue(other.getMessage().contains("another network"), other.getMessage());
        one.close();
    }

    @Test
    void probeSetFindsRepeatedInputs() {
        var x = Nd4j.create(new float[][] {{1, 2}, {3, 4}, {1, 2}, {-0.0f, 1}, {0, 1}});
        ProbeSet p = ProbeSet.of(x, new int[] {0, 1, 0, 1, 1});
        assertEquals(3, p.labels().distinctInputs());
        assertEquals(p.labels().inputId(0), p.labels().inputId(2));
        assertEquals(p.labels().inputId(3), p.labels().inputId(4));
        assertTrue(p.toString().contains("rows=5"));
        assertTrue(Map.of("rows", 5).containsKey("rows"));
    }
}
