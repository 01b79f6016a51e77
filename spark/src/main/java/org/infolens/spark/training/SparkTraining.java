package org.infolens.spark.training;

import org.apache.spark.api.java.JavaRDD;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.infolens.dl4j.InfoPlaneListener;
import org.nd4j.linalg.dataset.DataSet;

/**
 * DL4J's own Spark training (dl4j-spark, {@code SparkDl4jMultiLayer} and {@code SparkComputationGraph}
 * with a {@link ParameterAveragingTrainingMaster}) recorded by an {@link InfoPlaneListener} on the
 * driver. Optional and thin: dl4j-spark is a provided dependency (bring {@code
 * org.deeplearning4j:dl4j-spark_2.12:1.0.0-M2}, the last version on Maven Central, and a Spark 3.x),
 * and upstream DL4J drops its Spark modules after 1.0.0-M2.1.
 *
 * <p>Why a helper: listeners set on the network run on the executors, a fresh copy per task, and
 * {@code onEpochEnd} never fires there. So this calls {@code fit(rdd)} once per epoch, counts the
 * epochs itself, and after each runs the listener's {@code record(network, epoch)} on the driver, whose
 * network then holds the averaged weights. The training record's {@code loss} is absent (DL4J reports
 * minibatch scores on the executors only); {@code probe_accuracy} is there. Only parameter averaging
 * is supported: DL4J's SharedTrainingMaster counts epochs wrongly under Spark 3 (it fired onEpochEnd
 * once per partition in a probe on this project's machine).
 */
public final class SparkTraining {

    private SparkTraining() {
    }

    /**
     * Trains {@code spark}'s network for {@code epochs} passes over {@code data}, recording at the epochs
     * {@code listener}'s schedule admits (and before training, when it records that); returns the trained
     * network. The listener is not closed: the caller closes it (try-with-resources), which finishes the run.
     */
    public static MultiLayerNetwork fit(SparkDl4jMultiLayer spark, JavaRDD<DataSet> data, int epochs, InfoPlaneListener listener) {
        requireParameterAveraging(spark.getTrainingMaster());
        train(spark.getNetwork(), epochs, listener, () -> spark.fit(data), spark::getNetwork);
        return spark.getNetwork();
    }

    /** {@link #fit(SparkDl4jMultiLayer, JavaRDD, int, InfoPlaneListener)} for a ComputationGraph. */
    public static ComputationGraph fit(SparkComputationGraph spark, JavaRDD<DataSet> data, int epochs, InfoPlaneListener listener) {
        requireParameterAveraging(spark.getTrainingMaster());
        train(spark.getNetwork(), epochs, listener, () -> spark.fit(data), spark::getNetwork);
        return spark.getNetwork();
    }

    private static void train(Model initial, int epochs, InfoPlaneListener listener, Runnable fitOneEpoch,
                              java.util.function.Supplier<? extends Model> network) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        listener.recordInitialState(initial);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            fitOneEpoch.run();
            listener.record(network.get(), epoch); // the driver's copy holds the averaged parameters after fit
        }
    }

    private static void requireParameterAveraging(Object trainingMaster) {
        if (!(trainingMaster instanceof ParameterAveragingTrainingMaster)) {
            throw new IllegalArgumentException("SparkTraining records DL4J's Spark training with a ParameterAveragingTrainingMaster, got "
                    + (trainingMaster == null ? "none" : trainingMaster.getClass().getSimpleName()));
        }
    }
}
