package org.infolens.spark.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.infolens.dl4j.EpochSchedule;
import org.infolens.dl4j.InfoPlaneListener;
import org.infolens.dl4j.ProbeSet;
import org.infolens.estimate.binning.AdaptiveDiscretizer;
import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.run.RecordedRun;
import org.infolens.spark.SparkMaster;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J's Spark training (parameter averaging) in local[2], recorded on the driver: a trajectory at
 * every epoch, its probe accuracy rising from chance as training goes on.
 */
class SparkTrainingTest {

    private static final int EPOCHS = 5;
    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = new SparkMaster("local[2]", 1).start("SparkTrainingTest");
    }

    @AfterAll
    static void stop() {
        sc.stop();
    }

    /** 4 features; class 1 when x0 + x1 > x2 + x3 (a linear rule a small network learns in a few epochs); 512 rows. */
    private static DataSet task(long seed) {
        Random rnd = new Random(seed);
        int n = 512;
        float[][] x = new float[n][4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = (float) rnd.nextGaussian();
            }
            y[i] = x[i][0] + x[i][1] > x[i][2] + x[i][3] ? 1 : 0;
        }
        return new DataSet(Nd4j.create(x), org.infolens.experiments.Classification.oneHot(y, 2));
    }

    private static JavaRDD<DataSet> minibatches(DataSet all) {
        List<DataSet> batches = new ArrayList<>(all.batchBy(32));
        return sc.parallelize(batches, 2);
    }

    private static ParameterAveragingTrainingMaster averaging() {
        return new ParameterAveragingTrainingMaster.Builder(32).batchSizePerWorker(32).averagingFrequency(2).workerPrefetchNumBatches(0)
                .rddTrainingApproach(org.deeplearning4j.spark.api.RDDTrainingApproach.Direct) // Export needs a Hadoop file system
                .rngSeed(7).build();
    }

    private static InfoPlaneListener listener(DataSet probe, Path dir) {
        int[] labels = probe.getLabels().argMax(1).toIntVector();
        return InfoPlaneListener.builder().probe(ProbeSet.of(probe.getFeatures(), labels))
                .measure(new BinnedInformation(AdaptiveDiscretizer.builder().bins(10).build()))
                .schedule(EpochSchedule.everyEpoch()).recordBeforeTraining(true).recordTraining(true).outputDirectory(dir).build();
    }

    private static NeuralNetConfiguration.Builder base() {
        return new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(0.02));
    }

    @Test
    void multiLayerNetworkTrainedOnSparkIsRecordedEveryEpoch(@TempDir Path dir) throws IOException {
        MultiLayerConfiguration conf = base().list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(2).activation(Activation.SOFTMAX).build())
                .build();
        DataSet probe = task(99);
        try (InfoPlaneListener listener = listener(probe, dir)) {
            SparkTraining.fit(new SparkDl4jMultiLayer(sc, conf, averaging()), minibatches(task(1)), EPOCHS, listener);
        }
        checkRecorded(dir);
    }

    @Test
    void computationGraphTrainedOnSparkIsRecordedEveryEpoch(@TempDir Path dir) throws IOException {
        ComputationGraphConfiguration conf = base().graphBuilder().addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.TANH).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(2).activation(Activation.SOFTMAX)
                        .build(), "hidden")
                .setOutputs("out").build();
        DataSet probe = task(99);
        try (InfoPlaneListener listener = listener(probe, dir)) {
            SparkTraining.fit(new SparkComputationGraph(sc, conf, averaging()), minibatches(task(1)), EPOCHS, listener);
        }
        checkRecorded(dir);
    }

    /** Epochs 0..EPOCHS each recorded for every layer; probe accuracy from about chance to well above it. */
    private static void checkRecorded(Path dir) throws IOException {
        RecordedRun run = RecordedRun.load(dir);
        List<TrajectoryRecord> training = run.trainingRecords();
        assertEquals(List.of(0, 1, 2, 3, 4, 5), training.stream().map(TrajectoryRecord::epoch).toList(), "a training record per epoch");
        assertEquals(2 * (EPOCHS + 1), run.okRecords("binning/adaptive-10").size(), "both layers at every epoch");
        double first = training.get(0).values().get("probe_accuracy");
        double last = training.get(EPOCHS).values().get("probe_accuracy");
        assertTrue(first < 0.75, "untrained: " + first);
        assertTrue(last > 0.9 && last > first + 0.15, "probe accuracy " + first + " -> " + last);
    }
}
