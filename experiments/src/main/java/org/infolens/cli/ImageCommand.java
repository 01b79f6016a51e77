package org.infolens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.experiments.RunOutcome;
import org.infolens.experiments.TrainAndProbe;
import org.infolens.experiments.TrainingVariant;
import org.infolens.experiments.data.KnownDataset;
import org.infolens.experiments.cnn.CnnExperiment;
import org.infolens.experiments.mlp.MlpExperiment;
import org.infolens.experiments.ImageOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code infolens run mnist-mlp | fashion-mlp | cifar10-cnn}: an image classifier trained with the
 * information-plane listener on held-out test images; the options all three share.
 */
abstract class ImageCommand extends ExperimentCommand {

    @Option(names = "--data", paramLabel = "DIR", description = "directory with the dataset's files (default: $MNIST_DIR / $FASHION_MNIST_DIR"
            + " / $CIFAR10_DIR, ~/.deeplearning4j/data/..., /usr/share/datasets/fashion-mnist)")
    Path dataDirectory;

    @Option(names = "--optimizer", defaultValue = "adam", description = "sgd or adam (default ${DEFAULT-VALUE})")
    String optimizer;

    @Option(names = "--lr", defaultValue = "1e-3", description = "learning rate (default ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--epochs", defaultValue = "20", description = "training epochs (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "minibatch size (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--train-limit", defaultValue = "0", description = "at most this many training images, 0 = all (default ${DEFAULT-VALUE})")
    int trainLimit;

    @Option(names = "--probe-size", description = "held-out probe images (default: 10000 for the MLPs, 1000 for the CNN)")
    Integer probeSize;

    @Option(names = "--measure", paramLabel = "SPEC", description = "a measure to record, repeatable: name or name:param=value,...;"
            + " any measure also takes probeRows=N (a fixed subset of the probe) and maxWidth=K (a random projection of wider layers)."
            + " Default: see the experiment's description")
    List<String> measures = new ArrayList<>();

    private final KnownDataset dataset;
    private final String experiment;
    private final int defaultProbeSize;
    private final java.util.function.BiFunction<ImageOptions, TrainAndProbe, RunOutcome> run;

    ImageCommand(KnownDataset dataset, String experiment, int defaultProbeSize,
                 java.util.function.BiFunction<ImageOptions, TrainAndProbe, RunOutcome> run) {
        this.dataset = dataset;
        this.experiment = experiment;
        this.defaultProbeSize = defaultProbeSize;
        this.run = run;
    }

    @Override
    String experiment() {
        return experiment;
    }

    private ImageOptions options;
    private TrainAndProbe loaded;

    @Override
    void prepare(TrainingVariant variant) throws IOException {
        if (dataDirectory != null && !java.nio.file.Files.isDirectory(dataDirectory)) {
            throw new IllegalArgumentException("--data " + dataDirectory + ": no such directory");
        }
        options = new ImageOptions(dataset, dataDirectory, variant, optimizer, learningRate, epochs, batch, trainLimit,
                probeSize == null ? defaultProbeSize : probeSize,
                EstimatorCatalog.fromSpecs(measures), null, output.dumps(), output.quiet);
        // a missing or broken dataset fails before a run directory is made
        loaded = TrainAndProbe.load(dataset, dataDirectory, options.trainLimit(), options.probeSize(), variant);
    }

    @Override
    RunOutcome train(TrainingVariant variant, Path directory) throws IOException {
        return run.apply(options.with(variant, directory), loaded.forVariant(variant));
    }

    @Command(name = "mnist-mlp", mixinStandardHelpOptions = true,
            description = "Train 784-1024-20-20-20-10 on MNIST, recording every layer on held-out test images. Default measures:"
                    + " binning adaptive 30 and fixed-width 0.5 (all probe rows), kde upper (probeRows=2000), dse maxN=500.")
    static final class Mnist extends ImageCommand {
        Mnist() {
            super(KnownDataset.MNIST, "mnist-mlp", 10_000, MlpExperiment::run);
        }
    }

    @Command(name = "fashion-mlp", mixinStandardHelpOptions = true,
            description = "Train 784-1024-20-20-20-10 on Fashion-MNIST, recording every layer on held-out test images. Default"
                    + " measures: binning adaptive 30 and fixed-width 0.5 (all probe rows), kde upper (probeRows=2000), dse maxN=500.")
    static final class Fashion extends ImageCommand {
        Fashion() {
            super(KnownDataset.FASHION_MNIST, "fashion-mlp", 10_000, MlpExperiment::run);
        }
    }

    @Command(name = "cifar10-cnn", mixinStandardHelpOptions = true,
            description = "Train a small CNN (two conv-pool blocks, dense 256) on CIFAR-10 (binary version), recording every layer"
                    + " flattened on held-out test images. Default measures: binning adaptive 30, kde upper and dse maxN=1000 on a"
                    + " random projection to 1024 columns (maxWidth=1024).")
    static final class Cifar extends ImageCommand {
        Cifar() {
            super(KnownDataset.CIFAR10, "cifar10-cnn", CnnExperiment.DEFAULT_PROBE, CnnExperiment::run);
        }
    }
}
