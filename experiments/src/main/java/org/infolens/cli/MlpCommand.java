package org.infolens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.experiments.data.KnownDataset;
import org.infolens.experiments.mlp.MlpExperiment;
import org.infolens.experiments.mlp.MlpOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code infolens run mnist-mlp | fashion-mlp}: Saxe et al.'s 784-1024-20-20-20-10 with the information-plane listener. */
abstract class MlpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "directory with the IDX files (default: $MNIST_DIR / $FASHION_MNIST_DIR,"
            + " ~/.deeplearning4j/data/..., /usr/share/datasets/fashion-mnist)")
    Path data;

    @Option(names = "--activation", defaultValue = "tanh", description = "hidden activation: tanh, relu, softplus, softsign, elu (default ${DEFAULT-VALUE})")
    String activation;

    @Option(names = "--optimizer", defaultValue = "adam", description = "sgd or adam (default ${DEFAULT-VALUE})")
    String optimizer;

    @Option(names = "--lr", defaultValue = "1e-3", description = "learning rate (default ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--l2", defaultValue = "0", description = "L2 penalty on all but the last layer's weights, e.g. 0.015 (default ${DEFAULT-VALUE})")
    double l2;

    @Option(names = "--random-labels", description = "train on randomly permuted labels (the overfitting control)")
    boolean randomLabels;

    @Option(names = "--epochs", defaultValue = "20", description = "training epochs (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "minibatch size (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--seed", defaultValue = "1", description = "seed of weights, minibatch order and label permutation (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--train-limit", defaultValue = "0", description = "at most this many training images, 0 = all (default ${DEFAULT-VALUE})")
    int trainLimit;

    @Option(names = "--probe-size", defaultValue = "10000", description = "held-out probe images (default ${DEFAULT-VALUE})")
    int probeSize;

    @Option(names = "--measure", paramLabel = "SPEC", description = "a measure to record, repeatable: name or name:param=value,..."
            + " (default: binning adaptive 30 and fixed-width 0.5, kde upper, dse maxN=2000)")
    List<String> measures = new ArrayList<>();

    @Mixin
    RunOutputOptions output;

    abstract KnownDataset dataset();

    abstract String experiment();

    @Override
    public Integer call() throws Exception {
        if (data != null && !java.nio.file.Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data " + data + ": no such directory");
        }
        MlpOptions validated = new MlpOptions(dataset(), data, activation, optimizer, learningRate, l2, randomLabels, epochs, batch, seed,
                trainLimit, probeSize, EstimatorCatalog.fromSpecs(measures), null, output.saveActivations, output.quiet);
        MlpExperiment.Data d = MlpExperiment.data(validated); // a missing or broken dataset fails before a run directory is made
        MlpOptions o = validated.withRunDirectory(RunDirectories.choose(output.out, experiment() + "-" + validated.activation()
                + (randomLabels ? "-random" : "") + "-s" + seed, output.overwrite));
        MlpExperiment.Result r = MlpExperiment.run(o, d);
        out().printf(Locale.ROOT, "run:        %s%n", r.runDirectory());
        out().printf(Locale.ROOT, "data:       %d training, %d probe images%n", r.trainRows(), r.probeRows());
        out().printf(Locale.ROOT, "accuracy:   train %.3f, test (probe) %.3f (final loss %.4f)%n", r.trainAccuracy(), r.probeAccuracy(),
                r.finalLoss());
        out().printf(Locale.ROOT, "time:       %.1f s training; estimation %.1f s on the worker thread%n", r.trainingSeconds(),
                r.measurement().measureSeconds());
        out().printf(Locale.ROOT, "records:    %d ok, %d errors, %d skipped (%d epochs recorded)%n", r.measurement().okRecords(),
                r.measurement().errorRecords(), r.measurement().skippedRecords(), r.measurement().submitted());
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Command(name = "mnist-mlp", mixinStandardHelpOptions = true,
            description = "Train 784-1024-20-20-20-10 on MNIST, recording every layer on held-out test images.")
    static final class Mnist extends MlpCommand {
        @Override
        KnownDataset dataset() {
            return KnownDataset.MNIST;
        }

        @Override
        String experiment() {
            return "mnist-mlp";
        }
    }

    @Command(name = "fashion-mlp", mixinStandardHelpOptions = true,
            description = "Train 784-1024-20-20-20-10 on Fashion-MNIST, recording every layer on held-out test images.")
    static final class Fashion extends MlpCommand {
        @Override
        KnownDataset dataset() {
            return KnownDataset.FASHION_MNIST;
        }

        @Override
        String experiment() {
            return "fashion-mlp";
        }
    }
}
