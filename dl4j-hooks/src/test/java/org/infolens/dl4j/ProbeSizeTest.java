package org.infolens.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.estimate.binning.FixedRangeDiscretizer;
import org.infolens.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

/** The listener measures the training set from the first epoch's minibatches and warns when the probe is large against it. */
class ProbeSizeTest {

    @TempDir
    Path dir;

    private static double train(MultiLayerNetwork net, DataSet data, int epochs, InfoPlaneListener listener) {
        if (listener != null) {
            net.setListeners(listener);
        }
        long t0 = System.nanoTime();
        net.fit(TestNetworks.iterator(data), epochs);
        if (listener != null) {
            listener.close();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    @Test
    void theRunSaysHowLargeTheProbeIsAgainstTheTrainingSet() throws IOException {
        DataSet data = TestNetworks.data(31); // 96 rows, minibatches of 16
        int epochs = 10; // 40 and two repetitions for the README's numbers: 85 s here
        train(TestNetworks.mlp(), data, 5, null); // warm-up: ND4J's first ops
        double bare = Double.MAX_VALUE;
        double recorded = Double.MAX_VALUE;
        Map<String, Object> summary = null;
        for (int rep = 0; rep < 1; rep++) { // more repetitions (the fastest of each) for a measurement on a shared machine
            bare = Math.min(bare, train(TestNetworks.mlp(), data, epochs, null));
            Path run = dir.resolve("whole-set-" + rep);
            recorded = Math.min(recorded, train(TestNetworks.mlp(), data, epochs, InfoPlaneListener.builder().probe(ProbeSet.of(data))
                    .measure(new BinnedInformation(FixedRangeDiscretizer.builder().build())).outputDirectory(run).build()));
            summary = new RunDirectory(run).readProvenance().summary();
        }
        assertEquals(96, ((Number) summary.get("trainingRowsPerEpoch")).intValue());
        assertEquals(1.0, ((Number) summary.get("probeRowsPerTrainingRow")).doubleValue(), 1e-12, "a warning at >= 0.5");
        // wall times on a shared machine are noisy; the listener's own work is in run.json
        System.out.printf("96 training rows, probe 96 rows, every epoch, %d epochs: %.2f s bare, %.2f s recorded; capture %.2f s (training "
                + "thread), measures %.2f s (worker)%n", epochs, bare, recorded, ((Number) summary.get("captureSeconds")).doubleValue(),
                ((Number) summary.get("measureSeconds")).doubleValue());

        Path small = dir.resolve("small-probe");
        train(TestNetworks.mlp(), data, 8, InfoPlaneListener.builder().probe(ProbeSet.of(data.getRange(0, 24)))
                .measure(new BinnedInformation(FixedRangeDiscretizer.builder().build())).schedule(EpochSchedule.every(4)).outputDirectory(small)
                .build());
        assertEquals(24.0 * 2 / (96 * 8), ((Number) new RunDirectory(small).readProvenance().summary().get("probeRowsPerTrainingRow")).doubleValue(),
                1e-12, "2 of 8 epochs recorded, a quarter of the rows each time");
    }
}
