package org.infolens.cli.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.infolens.dl4j.EpochSchedule;
import org.infolens.dl4j.InfoPlaneListener;
import org.infolens.dl4j.ProbeSet;
import org.infolens.estimate.parameters.GradientSignalToNoise;
import org.infolens.experiments.data.ShufflingDataSetIterator;
import org.infolens.trajectory.InMemoryTrajectory;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What gradient signal-to-noise costs the training thread: epochs of the 784-1024-20-20-20-10 MLP
 * (tanh, batch 128, Adam, synthetic data) alternately without a listener and with one that accumulates
 * gradients every epoch, timing the accumulation callback itself and the epochs around it.
 */
@Command(name = "gradients", mixinStandardHelpOptions = true,
        description = "Time per iteration of gradient accumulation (gradient-snr) against a training iteration.")
final class GradientOverheadBench implements Callable<Integer> {

    private static final int[] WIDTHS = {1024, 20, 20, 20};

    @Spec
    CommandSpec spec;

    @Option(names = "--batches", defaultValue = "100", description = "minibatches of 128 per epoch (default ${DEFAULT-VALUE})")
    int batches;

    @Option(names = "--rounds", defaultValue = "5", description = "pairs of epochs without / with (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    /** Times the listener's gradient callback; passes the epoch callbacks through. */
    private static final class Timed extends BaseTrainingListener {
        private final InfoPlaneListener listener;
        private long nanos;
        private int calls;

        Timed(InfoPlaneListener listener) {
            this.listener = listener;
        }

        @Override
        public void onEpochStart(Model model) {
            listener.onEpochStart(model);
        }

        @Override
        public void onEpochEnd(Model model) {
            listener.onEpochEnd(model);
        }

        @Override
        public void onGradientCalculation(Model model) {
            long t0 = System.nanoTime();
            listener.onGradientCalculation(model);
            nanos += System.nanoTime() - t0;
            calls++;
        }
    }

    @Override
    public Integer call() {
        int batch = 128;
        int rows = batches * batch;
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, rows, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, rows, 10);
        for (int i = 0; i < rows; i++) {
            y.putScalar(i, i % 10, 1);
        }
        MultiLayerNetwork net = network();
        ShufflingDataSetIterator train = new ShufflingDataSetIterator(x, y, batch, seed, false);
        int[] labels = new int[1000];
        Arrays.setAll(labels, i -> i % 10);
        try (InfoPlaneListener listener = InfoPlaneListener.builder()
                .probe(ProbeSet.of(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1000)), labels))
                .parameterMeasure(new GradientSignalToNoise()).schedule(EpochSchedule.everyEpoch())
                .sink(new InMemoryTrajectory()).build()) {
            Timed timed = new Timed(listener);
            net.fit(train, 1); // warm-up: JIT, native libraries, workspaces
            double[] plain = new double[rounds];
            double[] with = new double[rounds];
            double[] accumulation = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                net.setListeners();
                long t0 = System.nanoTime();
                net.fit(train, 1);
                plain[r] = (System.nanoTime() - t0) / 1e6 / batches;
                net.setListeners(timed);
                timed.nanos = 0;
                timed.calls = 0;
                t0 = System.nanoTime();
                net.fit(train, 1);
                with[r] = (System.nanoTime() - t0) / 1e6 / batches;
                accumulation[r] = timed.nanos / 1e6 / timed.calls;
                out().printf(Locale.ROOT, "round %d: iteration without %.2f ms, with %.2f ms; accumulation %.3f ms per iteration%n",
                        r + 1, plain[r], with[r], accumulation[r]);
            }
            Arrays.sort(plain);
            Arrays.sort(with);
            Arrays.sort(accumulation);
            int m = rounds / 2;
            out().printf(Locale.ROOT, "%nMLP 784-1024-20-20-20-10 tanh, batch %d, Adam, %d iterations an epoch, OMP_NUM_THREADS=%s:%n", batch,
                    batches, System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
            out().printf(Locale.ROOT, "median training iteration %.2f ms; accumulation %.3f ms (%.1f%%); with listener %.2f ms (%+.1f%%, "
                            + "epoch-end capture and summary included)%n", plain[m], accumulation[m], 100 * accumulation[m] / plain[m], with[m],
                    100 * (with[m] / plain[m] - 1));
        }
        return 0;
    }

    private MultiLayerNetwork network() {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER).list();
        int in = 784;
        for (int w : WIDTHS) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(w).activation(Activation.TANH).build());
            in = w;
        }
        MultiLayerConfiguration conf = list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(in).nOut(10)
                .activation(Activation.SOFTMAX).build()).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
