package org.infolens.cli.bench;

import org.infolens.experiments.Classification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.infolens.dl4j.EpochSchedule;
import org.infolens.dl4j.InfoPlaneListener;
import org.infolens.dl4j.ProbeSet;
import org.infolens.estimate.spectral.Bandwidth;
import org.infolens.estimate.spectral.DiffusionSpectralEntropy;
import org.infolens.estimate.spectral.DiffusionSpectralMutualInformation;
import org.infolens.experiments.data.IdxFile;
import org.infolens.experiments.data.ShufflingDataSetIterator;
import org.infolens.numeric.RandomRows;
import org.infolens.trajectory.InMemoryTrajectory;
import org.infolens.trajectory.TrajectoryRecord;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The behaviour Liao et al. report, on a small real run: an MLP (784-256-128-64-10, ReLU, Adam 1e-3,
 * batch 128) trained on part of the MNIST test set, twice, with the true labels and with labels
 * randomly permuted (the overfitting control); a held-out probe labelled the same way. Records DSE and
 * DSMI(Z;Y) of every layer each epoch and prints the penultimate layer's: DSE should rise during
 * training, DSMI(Z;Y) rise with true labels and stay near 0 with permuted ones.
 */
@Command(name = "dse-training", mixinStandardHelpOptions = true,
        description = "DSE and DSMI(Z;Y) during training on MNIST digits, true vs permuted labels.")
final class DseTrainingBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", description = "directory with t10k-images-idx3-ubyte(.gz) and t10k-labels-idx1-ubyte(.gz)"
            + " (default: shared/data/mnist beside the project)")
    Path data;

    @Option(names = "--train-rows", defaultValue = "8000")
    int trainRows;

    @Option(names = "--probe-rows", defaultValue = "2000")
    int probeRows;

    @Option(names = "--epochs", defaultValue = "15")
    int epochs;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Override
    public Integer call() throws Exception {
        Path dir = data != null ? data : Path.of(System.getProperty("infolens.home", ".")).resolve("../shared/data/mnist").normalize();
        IdxFile.Images images = IdxFile.readImages(existing(dir, "t10k-images-idx3-ubyte"));
        int[] labels = IdxFile.readLabels(existing(dir, "t10k-labels-idx1-ubyte"));
        if (trainRows + probeRows > images.count() || labels.length != images.count()) {
            throw new IllegalArgumentException(dir + " has " + images.count() + " images and " + labels.length + " labels; asked for "
                    + trainRows + " + " + probeRows);
        }
        int[] permuted = labels.clone();
        RandomRows.shuffle(permuted, new Random(seed + 7)); // a fixed random relabelling: nothing to generalise
        Map<Integer, double[]> trueRun = train(images, labels, "true");
        Map<Integer, double[]> permutedRun = train(images, permuted, "permuted");
        out().printf(Locale.ROOT, "%nMNIST digits: %d training, %d held-out probe rows; penultimate layer (64 ReLU units); sigma 10, t 1%n",
                trainRows, probeRows);
        out().printf(Locale.ROOT, "%5s | %9s %9s %9s | %9s %9s %9s%n", "epoch", "DSE", "DSMI_TY", "test acc", "DSE", "DSMI_TY", "probe acc");
        out().printf(Locale.ROOT, "%5s | %-29s | %-29s%n", "", "true labels", "permuted labels");
        for (int epoch : trueRun.keySet()) {
            double[] a = trueRun.get(epoch);
            double[] b = permutedRun.getOrDefault(epoch, new double[] {Double.NaN, Double.NaN, Double.NaN});
            out().printf(Locale.ROOT, "%5d | %9.3f %9.3f %9.3f | %9.3f %9.3f %9.3f%n", epoch, a[0], a[1], a[2], b[0], b[1], b[2]);
        }
        return 0;
    }

    private static Path existing(Path dir, String name) {
        for (String candidate : List.of(name + ".gz", name)) {
            if (Files.isRegularFile(dir.resolve(candidate))) {
                return dir.resolve(candidate);
            }
        }
        throw new IllegalArgumentException("no " + name + "(.gz) in " + dir + "; point --data at the MNIST IDX files");
    }

    /** epoch -> {DSE, DSMI_TY of the penultimate layer, probe accuracy}. */
    private Map<Integer, double[]> train(IdxFile.Images images, int[] labels, String name) {
        int d = images.width();
        INDArray trainX = Nd4j.create(java.util.Arrays.copyOfRange(images.pixels(), 0, trainRows * d), new long[] {trainRows, d}, 'c');
        INDArray trainY = Classification.oneHot(java.util.Arrays.copyOfRange(labels, 0, trainRows), 10);
        INDArray probeX = Nd4j.create(java.util.Arrays.copyOfRange(images.pixels(), trainRows * d, (trainRows + probeRows) * d),
                new long[] {probeRows, d}, 'c');
        int[] probeY = java.util.Arrays.copyOfRange(labels, trainRows, trainRows + probeRows);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(d).nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(128).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(128).nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(10).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        InMemoryTrajectory records = new InMemoryTrajectory();
        Map<Integer, Double> accuracy = new TreeMap<>();
        try (InfoPlaneListener listener = InfoPlaneListener.builder()
                .probe(ProbeSet.of(probeX, probeY))
                .measure(DiffusionSpectralEntropy.builder().sigma(Bandwidth.fixed(10)).build())
                .measure(DiffusionSpectralMutualInformation.builder().sigma(Bandwidth.fixed(10)).seed(seed).build())
                .schedule(EpochSchedule.everyEpoch())
                .recordBeforeTraining(true)
                .sink(records)
                .runName("dse-training-" + name)
                .build()) {
            net.addListeners(listener);
            accuracy.put(0, Classification.accuracy(net, probeX, probeY));
            for (int e = 1; e <= epochs; e++) {
                net.fit(new ShufflingDataSetIterator(trainX, trainY, 128, seed * 1000 + e, true), 1);
                accuracy.put(e, Classification.accuracy(net, probeX, probeY));
                out().printf(Locale.ROOT, "%s labels: epoch %d, probe accuracy %.3f%n", name, e, accuracy.get(e));
                out().flush();
            }
        }
        Map<Integer, double[]> table = new TreeMap<>();
        for (TrajectoryRecord r : records.records()) {
            if (r.isOk() && r.layer().index() == 2) {
                double[] row = table.computeIfAbsent(r.epoch(), k -> new double[] {Double.NaN, Double.NaN, accuracy.getOrDefault(k, Double.NaN)});
                if (r.values().containsKey("DSE")) {
                    row[0] = r.value("DSE");
                }
                if (r.values().containsKey("DSMI_TY")) {
                    row[1] = r.value("DSMI_TY");
                }
            }
        }
        return table;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
