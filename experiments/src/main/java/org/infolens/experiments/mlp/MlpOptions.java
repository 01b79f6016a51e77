package org.infolens.experiments.mlp;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.infolens.experiments.data.KnownDataset;
import org.infolens.measure.Measure;

/**
 * Settings of one MNIST / Fashion-MNIST MLP run (Saxe et al.'s 784-1024-20-20-20-10).
 *
 * @param dataset        which images
 * @param dataDirectory  --data, or null to search the usual places
 * @param activation     hidden activation: tanh, relu, softplus, softsign or elu
 * @param optimizer      sgd or adam
 * @param learningRate   the optimizer's learning rate
 * @param l2             L2 penalty on the weights of every layer but the last (0 = none)
 * @param randomLabels   train on a fixed random permutation of the training labels (the overfitting control)
 * @param trainLimit     at most this many training images (0 = all)
 * @param probeSize      probe images, taken from the test set (or, without a training file, from the end of the test set)
 */
public record MlpOptions(KnownDataset dataset, Path dataDirectory, String activation, String optimizer, double learningRate, double l2,
                         boolean randomLabels, int epochs, int batchSize, long seed, int trainLimit, int probeSize,
                         List<Measure> measures, Path runDirectory, boolean keepActivations, boolean quiet) {

    public static final List<String> ACTIVATIONS = List.of("tanh", "relu", "softplus", "softsign", "elu");

    public MlpOptions {
        activation = activation.toLowerCase(Locale.ROOT);
        optimizer = optimizer.toLowerCase(Locale.ROOT);
        if (!ACTIVATIONS.contains(activation)) {
            throw new IllegalArgumentException("--activation must be one of " + ACTIVATIONS + ", got '" + activation + "'");
        }
        if (!optimizer.equals("sgd") && !optimizer.equals("adam")) {
            throw new IllegalArgumentException("--optimizer must be sgd or adam, got '" + optimizer + "'");
        }
        if (!(learningRate > 0) || !(l2 >= 0)) {
            throw new IllegalArgumentException("--lr must be > 0 and --l2 >= 0, got " + learningRate + " and " + l2);
        }
        if (epochs < 1 || batchSize < 1 || trainLimit < 0 || probeSize < 2) {
            throw new IllegalArgumentException("need --epochs >= 1, --batch >= 1, --train-limit >= 0 and --probe-size >= 2, got "
                    + epochs + ", " + batchSize + ", " + trainLimit + ", " + probeSize);
        }
        measures = List.copyOf(measures);
    }

    public MlpOptions withRunDirectory(Path directory) {
        return new MlpOptions(dataset, dataDirectory, activation, optimizer, learningRate, l2, randomLabels, epochs, batchSize, seed, trainLimit,
                probeSize, measures, directory, keepActivations, quiet);
    }
}
