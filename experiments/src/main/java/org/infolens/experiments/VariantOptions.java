package org.infolens.experiments;

import java.util.List;
import picocli.CommandLine.Option;

/** The variants every bundled training experiment offers: activation, L2, dropout, random labels, one seed or several. */
final class VariantOptions {

    static final String SEED = "--seed";
    static final String SEEDS = "--seeds";

    @Option(names = "--activation", defaultValue = "tanh", description = "hidden activation: tanh, relu, softplus, softsign, elu"
            + " (default ${DEFAULT-VALUE})")
    String activation;

    @Option(names = "--l2", defaultValue = "0", description = "L2 penalty on every layer's weights but the output layer's, e.g. 0.015"
            + " (default ${DEFAULT-VALUE})")
    double l2;

    @Option(names = "--dropout", defaultValue = "0", description = "in training, drop each hidden unit's output with this"
            + " probability, e.g. 0.5 (default ${DEFAULT-VALUE}: none; recorded activations are always read without it)")
    double dropout;

    @Option(names = "--random-labels", description = "train on a fixed random permutation of the labels (the overfitting control);"
            + " the probe keeps the true labels")
    boolean randomLabels;

    @Option(names = SEED, defaultValue = "1", description = "seed of weights, data order and label permutation (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = SEEDS, split = ",", paramLabel = "S1,S2,...", description = "run once per seed, then write the median"
            + " trajectory across them (with their range) as runs/<name>-median")
    List<Long> seeds;

    /** The variant of the first (or only) seed; validates the options. */
    TrainingVariant variant() {
        return new TrainingVariant(HiddenActivation.parse(activation), l2, dropout, randomLabels, seeds().get(0));
    }

    /** --seeds when given (distinct), else --seed. */
    List<Long> seeds() {
        if (seeds == null || seeds.isEmpty()) {
            return List.of(seed);
        }
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("--seeds lists a seed twice: " + seeds);
        }
        return List.copyOf(seeds);
    }
}
