package org.infolens.experiments.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.experiments.HiddenActivation;
import org.infolens.experiments.ImageOptions;
import org.infolens.experiments.RunOutcome;
import org.infolens.experiments.TrainAndProbe;
import org.infolens.experiments.TrainingVariant;
import org.infolens.experiments.data.KnownDataset;
import org.infolens.experiments.data.SyntheticImages;
import org.infolens.run.RunDirectory;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CIFAR-10 CNN end to end on CIFAR-format binary files written here (the real data cannot be downloaded on these machines). */
class CnnExperimentTest {

    @TempDir
    Path dir;

    private static int[] labels(int n, long seed) {
        Random rnd = new Random(seed);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(10);
        }
        return y;
    }

    @Test
    void trainsRecordsEveryLayerProjectsWideOnesAndReadsPositionsForEffectiveFeatures() throws IOException {
        Path data = Files.createDirectories(dir.resolve("cifar"));
        Files.write(data.resolve("data_batch_1.bin"), SyntheticImages.cifarRecords(labels(160, 1)));
        Files.write(data.resolve("data_batch_2.bin"), SyntheticImages.cifarRecords(labels(96, 2)));
        Files.write(data.resolve("test_batch.bin"), SyntheticImages.cifarRecords(labels(80, 3)));
        TrainingVariant v = new TrainingVariant(HiddenActivation.RELU, 0, 0, false, 7);
        ImageOptions o = new ImageOptions(KnownDataset.CIFAR10, data, v, "adam", 1e-3, 2, 32, 0, 60,
                EstimatorCatalog.fromSpecs(List.of("binning:edges=adaptive,bins=30", "kde:bound=upper,maxWidth=256",
                        "effective-features:rows=1000,maxEpochs=2")), dir.resolve("run"), null, true);
        TrainAndProbe d = TrainAndProbe.load(KnownDataset.CIFAR10, data, 0, 60, v);
        assertEquals(256, d.train().count(), "both training batches");
        assertEquals(3072, d.train().width());
        RunOutcome r = CnnExperiment.run(o, d);
        assertEquals(60, r.probeRows());
        List<TrajectoryRecord> records = TrajectoryReader.read(new RunDirectory(dir.resolve("run")).trajectoryFile()).records();
        List<TrajectoryRecord> start = records.stream().filter(x -> x.epoch() == 0 && x.label().startsWith("binning")).toList();
        assertEquals(List.of(32768, 8192, 16384, 4096, 256, 10), start.stream().map(x -> x.layer().width()).toList());
        assertEquals(List.of(32, 32, 64, 64, 0, 0), start.stream().map(x -> x.layer().channels()).toList());
        assertEquals(List.of(0, 1, 2), records.stream().map(TrajectoryRecord::epoch).distinct().toList());
        double log2n = Math.log(60) / Math.log(2);
        for (TrajectoryRecord x : records) {
            assertTrue(x.isOk(), x.toString());
            if (x.measure().equals("kde")) {
                Object from = x.resolved().get("projectedFrom");
                assertEquals(x.layer().width() > 256 ? x.layer().width() : null, from, x.layer().name());
                assertTrue(x.value("I_XT") <= log2n + 1e-9 && x.value("I_TY") >= -1e-9, x.toString());
            }
            if (x.measure().equals("effective-features")) {
                int width = x.layer().channels() > 0 ? x.layer().channels() : x.layer().width();
                assertEquals(width, x.resolved().get("width"), "spatial layers: one row per position, a channel vector each");
                assertTrue(x.value("F") > 0 && x.value("F") <= 4 * width + 1e-9, x.toString());
            }
        }
    }
}
