package org.infolens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.experiments.RunOutcome;
import org.infolens.experiments.TrainingVariant;
import org.infolens.experiments.data.KnownDataset;
import org.infolens.experiments.mlp.MlpExperiment;
import org.infolens.experiments.mlp.MlpOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code infolens run mnist-mlp | fashion-mlp}: Saxe et al.'s 784-1024-20-20-20-10 with the information-plane listener. */
abstract class MlpCommand extends ExperimentCommand {

    @Option(names = "--data", paramLabel = "DIR", description = "directory with the IDX files (default: $MNIST_DIR / $FASHION_MNIST_DIR,"
            + " ~/.deeplearning4j/data/..., /usr/share/datasets/fashion-mnist)")
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

    @Option(names = "--probe-size", defaultValue = "10000", description = "held-out probe images (default ${DEFAULT-VALUE})")
    int probeSize;

    @Option(names = "--measure", paramLabel = "SPEC", description = "a measure to record, repeatable: name or name:param=value,..."
            + " (default: binning adaptive 30 and fixed-width 0.5, kde upper, dse maxN=2000)")
    List<String> measures = new ArrayList<>();

    abstract KnownDataset dataset();

    private MlpOptions options;
    private MlpExperiment.Data loaded;

    @Override
    void prepare(TrainingVariant variant) throws IOException {
        if (dataDirectory != null && !java.nio.file.Files.isDirectory(dataDirectory)) {
            throw new IllegalArgumentException("--data " + dataDirectory + ": no such directory");
        }
        options = new MlpOptions(dataset(), dataDirectory, variant, optimizer, learningRate, epochs, batch, trainLimit, probeSize,
                EstimatorCatalog.fromSpecs(measures), null, output.saveActivations, output.quiet);
        loaded = MlpExperiment.data(options); // a missing or broken dataset fails before a run directory is made
    }

    @Override
    RunOutcome train(TrainingVariant variant, Path directory) throws IOException {
        return MlpExperiment.run(options.with(variant, directory), loaded.forVariant(variant));
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
