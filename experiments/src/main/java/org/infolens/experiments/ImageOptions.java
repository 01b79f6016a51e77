package org.infolens.experiments;

import org.infolens.io.ActivationDumps;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.infolens.experiments.data.KnownDataset;
import org.infolens.measure.Measure;

/**
 * Settings of one image-classifier run: the MNIST / Fashion-MNIST MLP or the CIFAR-10 CNN.
 *
 * @param dataset        which images
 * @param dataDirectory  --data, or null to search the usual places
 * @param variant        activation, L2, random labels, seed
 * @param optimizer      sgd or adam
 * @param learningRate   the optimizer's learning rate
 * @param trainLimit     at most this many training images (0 = all)
 * @param probeSize      probe images, taken from the test set (or, without a training file, from the end of the test set)
 * @param launch         how the run was launched, for run.json (see {@link TrainingCommand}), or null
 * @param recovery       checkpoints at recorded epochs, and whether to resume the run in {@code runDirectory} from its checkpoint
 */
public record ImageOptions(KnownDataset dataset, Path dataDirectory, TrainingVariant variant, String optimizer, double learningRate,
                         int epochs, int batchSize, int trainLimit, int probeSize, List<Measure> measures, Path runDirectory,
                         ActivationDumps dumps, boolean quiet, Map<String, Object> launch,
                         RunRecovery recovery) {

    /** Options of a run launched from Java code, not through an {@link ExperimentCommand}. */
    public ImageOptions(KnownDataset dataset, Path dataDirectory, TrainingVariant variant, String optimizer, double learningRate,
                        int epochs, int batchSize, int trainLimit, int probeSize, List<Measure> measures, Path runDirectory,
                        ActivationDumps dumps, boolean quiet) {
        this(dataset, dataDirectory, variant, optimizer, learningRate, epochs, batchSize, trainLimit, probeSize, measures, runDirectory,
                dumps, quiet, null, RunRecovery.NONE);
    }

    public ImageOptions {
        optimizer = optimizer.toLowerCase(Locale.ROOT);
        if (!optimizer.equals("sgd") && !optimizer.equals("adam")) {
            throw new IllegalArgumentException("--optimizer must be sgd or adam, got '" + optimizer + "'");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("--lr must be > 0, got " + learningRate);
        }
        if (epochs < 1 || batchSize < 1 || trainLimit < 0 || probeSize < 2) {
            throw new IllegalArgumentException("need --epochs >= 1, --batch >= 1, --train-limit >= 0 and --probe-size >= 2, got "
                    + epochs + ", " + batchSize + ", " + trainLimit + ", " + probeSize);
        }
        measures = List.copyOf(measures);
        java.util.Objects.requireNonNull(recovery, "recovery");
    }

    /** The options as run.json's settings, with the experiment's and the network's names. */
    public Map<String, Object> settings(String experiment, String network) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", experiment);
        m.put("network", network);
        variant.describe(m);
        m.put("optimizer", optimizer);
        m.put("learningRate", learningRate);
        m.put("epochs", epochs);
        m.put("batchSize", batchSize);
        m.put("trainLimit", trainLimit);
        m.put("probeSize", probeSize);
        m.put("weightInit", "Xavier");
        return m;
    }

    /** The same options for the run of {@code v} in {@code directory}, launched as {@code launchRecord} says. */
    public ImageOptions with(TrainingVariant v, Path directory, Map<String, Object> launchRecord) {
        return new ImageOptions(dataset, dataDirectory, v, optimizer, learningRate, epochs, batchSize, trainLimit, probeSize, measures,
                directory, dumps, quiet, launchRecord, recovery);
    }
}
