package org.infolens.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.infolens.estimate.binning.AdaptiveDiscretizer;
import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.estimate.binning.FixedRangeDiscretizer;
import org.infolens.figure.RunFigures;
import org.infolens.trajectory.TrajectoryReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** The README's "attach the listener to your own network" example, compiled and run. */
class ReadmeExampleTest {

    @TempDir
    Path dir;

    static void attach(MultiLayerNetwork net, DataSetIterator train, DataSet probe, Path runs) {
        // README:begin
        try (InfoPlaneListener listener = InfoPlaneListener.builder()
                .probe(ProbeSet.of(probe))                        // fixed rows: features + labels
                .measure(new BinnedInformation(FixedRangeDiscretizer.builder().bins(30).build()))
                .measure(new BinnedInformation(AdaptiveDiscretizer.builder().build()))
                .schedule(EpochSchedule.logSpaced(100, 50))       // the original code's log grid
                .recordBeforeTraining(true)
                .recordTraining(true)                             // loss and probe accuracy per recorded epoch
                .outputDirectory(runs.resolve("my-run"))          // run.json, trajectory.jsonl
                .onClose(RunFigures::draw)                        // figures/ (needs JFreeChart: see below)
                .build()) {
            net.addListeners(listener);
            net.fit(train, 100);
        } // close(): waits for the estimates, finishes run.json, draws the figures
        // README:end
    }

    @Test
    void exampleRunsAndWritesTheRun() throws IOException {
        DataSet data = TestNetworks.data(1);
        attach(TestNetworks.mlp(), TestNetworks.iterator(data), data, dir);
        Path run = dir.resolve("my-run");
        assertEquals(3 * 2 * 35 + 35, TrajectoryReader.read(run.resolve("trajectory.jsonl")).records().size(),
                "35 epochs (before training + 34 on the grid) x 3 layers x 2 measures, and a training record per epoch");
        assertTrue(Files.exists(run.resolve("figures/information-plane.png")));
    }

    @Test
    void readmeShowsThisExactExample() throws IOException {
        Path readme = Path.of("..", "README.md");
        String source = Files.readString(Path.of("src/test/java/org/infolens/dl4j/ReadmeExampleTest.java"));
        Matcher m = Pattern.compile("// README:begin\\n(.*?)\\n\\s*// README:end", Pattern.DOTALL).matcher(source);
        assertTrue(m.find());
        String example = m.group(1).stripIndent().strip();
        assertTrue(Files.readString(readme).contains(example), "README.md must contain the example as compiled here:\n" + example);
    }
}
