package org.infolens.experiments.mlp;

import org.infolens.experiments.ImageOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.infolens.estimate.binning.AdaptiveDiscretizer;
import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.experiments.TrainAndProbe;
import org.infolens.experiments.data.KnownDataset;
import org.infolens.experiments.data.SyntheticImages;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunProvenance;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrainingRecord;
import org.infolens.trajectory.TrajectoryRecord;
import org.infolens.experiments.HiddenActivation;
import org.infolens.experiments.RunOutcome;
import org.infolens.experiments.TrainingVariant;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MNIST MLP end to end on small learnable IDX files that only hold a "test set" (the layout of the MNIST copy beside the project). */
class MlpExperimentTest {

    @TempDir
    Path dir;

    private ImageOptions options(Path run, boolean randomLabels) {
        return options(run, new TrainingVariant(HiddenActivation.RELU, 0, 0, randomLabels, 5));
    }

    private ImageOptions options(Path run, TrainingVariant variant) {
        return new ImageOptions(KnownDataset.MNIST, dir.resolve("data"), variant, "adam", 1e-3, 3, 32, 0, 200,
                List.of(new BinnedInformation(AdaptiveDiscretizer.builder().bins(30).build())), run, null, true);
    }

    /** Dropout on the hidden layers' outputs: the inputs of every layer but the first (DL4J's p is the probability of keeping). */
    @Test
    void dropoutFallsOnEveryHiddenLayersOutputAndNotOnTheImage() {
        MultiLayerNetwork net = MlpNetwork.build(options(dir.resolve("run"), new TrainingVariant(HiddenActivation.RELU, 0, 0.3, false, 5)));
        assertNull(net.getLayerWiseConfigurations().getConf(0).getLayer().getIDropout());
        for (int i = 1; i < net.getnLayers(); i++) {
            assertEquals(0.7, ((Dropout) net.getLayerWiseConfigurations().getConf(i).getLayer().getIDropout()).getP(), 1e-12, "layer " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> new TrainingVariant(HiddenActivation.RELU, 0, 1, false, 5));
        assertEquals("relu-dropout", new TrainingVariant(HiddenActivation.RELU, 0, 0.3, false, 5).name());
    }

    @Test
    void trainsOnTheFrontProbesTheEndAndRecordsEveryLayer() throws IOException {
        int[] labels = SyntheticImages.writeIdx(dir.resolve("data"), "t10k", 600, 4);
        Path run = dir.resolve("run");
        RunOutcome r = MlpExperiment.run(options(run, false));
        assertEquals(400, r.trainRows());
        assertEquals(200, r.probeRows());
        assertTrue(r.testAccuracy() > 0.5, "the bands are learnable (chance is 0.1): probe accuracy " + r.testAccuracy());
        List<TrajectoryRecord> all = TrajectoryReader.read(new RunDirectory(run).trajectoryFile()).records();
        List<TrajectoryRecord> records = all.stream().filter(x -> !x.measure().equals(TrainingRecord.MEASURE)).toList();
        List<TrajectoryRecord> training = all.stream().filter(x -> x.measure().equals(TrainingRecord.MEASURE)).toList();
        assertEquals(List.of(0, 1, 2, 3), training.stream().map(TrajectoryRecord::epoch).toList());
        assertEquals(r.testAccuracy(), training.get(3).value(TrainingRecord.PROBE_ACCURACY), 1e-9);
        assertEquals(r.finalLoss(), training.get(3).value(TrainingRecord.LOSS), 1e-12);
        assertEquals(Set.of(0, 1, 2, 3), records.stream().map(TrajectoryRecord::epoch).collect(Collectors.toSet()));
        assertEquals(List.of(1024, 20, 20, 20, 10), records.stream().filter(x -> x.epoch() == 0).map(x -> x.layer().width()).toList());
        double hy = entropyBits(Arrays.copyOfRange(labels, 400, 600));
        for (TrajectoryRecord x : records) {
            assertTrue(x.isOk(), x.toString());
            assertEquals(200, x.n());
            assertTrue(x.value("I_XT") <= Math.log(200) / Math.log(2) + 1e-9, "I(X;T) <= log2 N");
            assertTrue(x.value("I_TY") >= -1e-12 && x.value("I_TY") <= hy + 1e-9, "0 <= I(T;Y) <= H(Y)");
        }
        RunProvenance p = new RunDirectory(run).readProvenance();
        assertEquals("mnist", p.dataset().get("name"));
        assertEquals(400, p.dataset().get("trainRows"));
        assertTrue(((String) p.dataset().get("probeFrom")).startsWith("test set, last 200"));
    }

    @Test
    void theSameSeedGivesTheSameTrajectoryTwiceInARow() throws IOException {
        SyntheticImages.writeIdx(dir.resolve("data"), "t10k", 600, 4);
        MlpExperiment.run(options(dir.resolve("a"), true));
        MlpExperiment.run(options(dir.resolve("b"), true));
        List<TrajectoryRecord> a = TrajectoryReader.read(dir.resolve("a/trajectory.jsonl")).records();
        List<TrajectoryRecord> b = TrajectoryReader.read(dir.resolve("b/trajectory.jsonl")).records();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).values(), b.get(i).values(), "epoch " + a.get(i).epoch() + ", " + a.get(i).layer().name());
            assertEquals(a.get(i).details(), b.get(i).details());
        }
    }

    @Test
    void randomLabelsPermuteTheTrainingLabelsOnly() throws IOException {
        SyntheticImages.writeIdx(dir.resolve("data"), "t10k", 600, 4);
        TrainAndProbe truth = MlpExperiment.data(options(null, false));
        TrainAndProbe permuted = MlpExperiment.data(options(null, true));
        assertNotEquals(Arrays.toString(truth.trainingLabels()), Arrays.toString(permuted.trainingLabels()));
        int[] a = truth.trainingLabels().clone();
        int[] b = permuted.trainingLabels().clone();
        Arrays.sort(a);
        Arrays.sort(b);
        assertEquals(Arrays.toString(a), Arrays.toString(b), "the same labels, shuffled");
        assertEquals(Arrays.toString(truth.probe().labels()), Arrays.toString(permuted.probe().labels()));
    }

    @Test
    void aProbeAsLargeAsTheTestSetLeavesNothingToTrainOn() throws IOException {
        SyntheticImages.writeIdx(dir.resolve("data"), "t10k", 100, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MlpExperiment.data(options(null, false)));
        assertTrue(e.getMessage().contains("leaves nothing to train on"), e.getMessage());
    }

    /** run --verdict puts the verdict object in each measure's parameters, so every record carries its verdict and replays with it. */
    @Test
    void theVerdictOptionAddsAVerdictToEveryRecord() throws IOException {
        SyntheticImages.writeIdx(dir.resolve("data"), "t10k", 600, 4);
        org.infolens.experiments.ExperimentCatalog.launch(MlpExperiment.MNIST_NAME, List.of("--data", dir.resolve("data").toString(),
                "--epochs", "1", "--probe-size", "200", "--measure", "binning:edges=adaptive", "--verdict", "--verdict-param", "shuffles=1",
                "--quiet"), dir.resolve("run"));
        List<TrajectoryRecord> records = TrajectoryReader.read(dir.resolve("run/trajectory.jsonl")).records().stream()
                .filter(x -> !x.measure().equals(TrainingRecord.MEASURE)).toList();
        assertEquals(10, records.size(), "5 layers at epochs 0 and 1");
        for (TrajectoryRecord x : records) {
            assertTrue(x.params().get("verdict") instanceof java.util.Map<?, ?> v && Integer.valueOf(1).equals(v.get("shuffles")),
                    x.params().toString());
            assertTrue(x.details().get("verdict") instanceof java.util.Map<?, ?> v && v.containsKey("I_XT") && v.containsKey("I_TY"),
                    x.details().toString());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> org.infolens.experiments.ExperimentCatalog.launch(
                MlpExperiment.MNIST_NAME, List.of("--data", dir.resolve("data").toString(), "--verdict-param", "shuffles=1"), dir.resolve("x")));
        assertTrue(e.getMessage().contains("--verdict-param needs --verdict"), e.getMessage());
    }

    private static double entropyBits(int[] y) {
        double[] counts = new double[10];
        for (int v : y) {
            counts[v]++;
        }
        double h = 0;
        for (double c : counts) {
            if (c > 0) {
                h -= c / y.length * Math.log(c / y.length) / Math.log(2);
            }
        }
        return h;
    }
}
