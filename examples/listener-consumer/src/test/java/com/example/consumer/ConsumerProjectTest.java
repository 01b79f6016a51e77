package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.infolens.dl4j.EpochSchedule;
import org.infolens.dl4j.InfoPlaneListener;
import org.infolens.dl4j.ProbeSet;
import org.infolens.estimate.binning.AdaptiveDiscretizer;
import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.estimate.binning.FixedRangeDiscretizer;
import org.infolens.figure.RunFigures;
import org.infolens.run.RecordedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The README's "attach the listener" example in a project of its own, as a user writes it: only the
 * dependencies and imports the README lists, only infolens' public API. Also checks that the README
 * shows exactly this code, these imports and this pom's dependencies.
 */
class ConsumerProjectTest {

    private static final Path README = Path.of("..", "..", "README.md");

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
    void theReadmeExampleRunsAndTheRunReadsBack() throws IOException {
        DataSet data = twoClasses(96, 1);
        attach(mlp(), new ListDataSetIterator<>(data.asList(), 16), data, dir);
        RecordedRun run = RecordedRun.load(dir.resolve("my-run"));
        assertEquals("finished", run.provenance().statusText());
        assertEquals(3 * 2 * 35 + 35, run.records().size(),
                "35 epochs (before training + 34 on the grid) x 3 layers x 2 measures, and a training record per epoch");
        assertTrue(Files.exists(dir.resolve("my-run/figures/information-plane.png")));
    }

    @Test
    void theReadmeShowsThisCodeTheseImportsAndThesePomDependencies() throws IOException {
        String readme = Files.readString(README);
        String source = Files.readString(Path.of("src/test/java/com/example/consumer/ConsumerProjectTest.java"));
        String example = between(source, "// README:begin\n", "\n\\s*// README:end").stripIndent().strip();
        assertTrue(readme.contains(example), "README.md must contain the example as compiled here:\n" + example);

        List<String> infolensImports = source.lines().filter(l -> l.startsWith("import org.infolens.")).toList();
        String shown = between(readme, "The example's imports:\n\n```java\n", "\n```");
        List<String> exampleImports = infolensImports.stream().filter(l -> !l.endsWith(".RecordedRun;")).toList();
        assertEquals(exampleImports, shown.lines().toList(), "README's imports of the example");

        String pom = Files.readString(Path.of("pom.xml"));
        String dependencies = between(pom, "<!-- README:dependencies:begin -->\n", "\n\\s*<!-- README:dependencies:end -->");
        String readmePom = between(readme, "Then, in your project:\n\n```xml\n", "\n```");
        assertEquals(stripped(dependencies), stripped(readmePom), "README's dependencies and this project's pom");
    }

    private static String between(String text, String start, String end) {
        Matcher m = Pattern.compile(Pattern.quote(start) + "(.*?)" + end, Pattern.DOTALL).matcher(text);
        assertTrue(m.find(), "no text between " + start.strip() + " and " + end);
        return m.group(1);
    }

    private static List<String> stripped(String xml) {
        return xml.lines().map(String::strip).toList();
    }

    /** 4 inputs, 2 classes by the sign of x0 + x1. */
    private static DataSet twoClasses(int rows, long seed) {
        Random rnd = new Random(seed);
        float[][] x = new float[rows][4];
        float[][] y = new float[rows][2];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = (float) rnd.nextGaussian();
            }
            y[i][x[i][0] + x[i][1] > 0 ? 1 : 0] = 1;
        }
        return new DataSet(Nd4j.create(x), Nd4j.create(y));
    }

    private static MultiLayerNetwork mlp() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(7).updater(new Adam(0.01))
                .list()
                .layer(new DenseLayer.Builder().nOut(6).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nOut(3).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(4))
                .build());
        net.init();
        return net;
    }
}
