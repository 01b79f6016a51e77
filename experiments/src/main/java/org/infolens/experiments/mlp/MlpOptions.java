package org.infolens.experiments.mlp;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.infolens.experiments.TrainingVariant;
import org.infolens.experiments.data.KnownDataset;
import org.infolens.measure.Measure;

/**
 * Settings of one MNIST / Fashion-MNIST MLP run (Saxe et al.'s 784-1024-20-20-20-10).
 *
 * @param dataset        which images
 * @param dataDirectory  --data, or null to search the usual places
 * @param variant        activation, L2, random labels, seed
 * @param optimizer      sgd or adam
 * @param learningRate   the optimizer's learning rate
 * @param trainLimit     at most this many training images (0 = all)
 * @param probeSize      probe images, taken from the test set (or, without a training file, from the end of the test set)
 */
public record MlpOptions(KnownDataset dataset, Path dataDirectory, TrainingVariant variant, String optimizer, double learningRate,
                         int epochs, int batchSize, int trainLimit, int probeSize, List<Measure> measures, Path runDirectory,
                         boolean keepActivations, boolean quiet) {

    public MlpOptions {
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
    }

    public MlpOptions with(TrainingVariant v, Path directory) {
        return new MlpOptions(dataset, dataDirectory, v, optimizer, learningRate, epochs, batchSize, trainLimit, probeSize, measures,
                directory, keepActivations, quiet);
    }
}
