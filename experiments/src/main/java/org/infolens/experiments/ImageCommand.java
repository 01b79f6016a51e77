package org.infolens.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.experiments.data.KnownDataset;
import org.infolens.measure.MeasureSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code infolens run mnist-mlp | fashion-mlp | cifar10-cnn}: an image classifier trained with the
 * information-plane listener on held-out test images; the options all three share.
 */
public abstract class ImageCommand extends TrainingCommand {

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

    @Mixin
    VerdictOptions verdict = new VerdictOptions();

    private final KnownDataset dataset;
    private final int defaultProbeSize;
    private final List<String> defaultMeasures;
    private final BiFunction<ImageOptions, TrainAndProbe, RunOutcome> run;

    protected ImageCommand(KnownDataset dataset, int defaultProbeSize, List<String> defaultMeasures,
                           BiFunction<ImageOptions, TrainAndProbe, RunOutcome> run) {
        this.dataset = dataset;
        this.defaultProbeSize = defaultProbeSize;
        this.defaultMeasures = List.copyOf(defaultMeasures);
        this.run = run;
    }

    private ImageOptions options;
    private TrainAndProbe loaded;

    @Override
    protected void prepare(TrainingVariant variant) throws IOException {
        if (dataDirectory != null && !Files.isDirectory(dataDirectory)) {
            throw new IllegalArgumentException("--data " + dataDirectory + ": no such directory");
        }
        options = new ImageOptions(dataset, dataDirectory, variant, optimizer, learningRate, epochs, batch, trainLimit,
                probeSize == null ? defaultProbeSize : probeSize,
                (measures.isEmpty() ? defaultMeasures : measures).stream().map(m -> EstimatorCatalog.create(verdict.applyTo(MeasureSpec.parse(m))))
                        .toList(), null, dumps(), quiet(), null, recovery());
        // a missing or broken dataset fails before a run directory is made
        loaded = TrainAndProbe.load(dataset, dataDirectory, options.trainLimit(), options.probeSize(), variant);
    }

    @Override
    protected RunOutcome train(TrainingVariant variant, Path directory, Map<String, Object> launch) {
        return run.apply(options.with(variant, directory, launch), loaded.forVariant(variant));
    }
}
