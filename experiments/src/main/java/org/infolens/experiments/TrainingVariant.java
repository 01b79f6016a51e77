package org.infolens.experiments;

import java.util.Map;

/**
 * What every bundled experiment lets a user vary: the hidden activation, an L2 penalty on every
 * layer's weights but the output layer's (0.015 in Saxe et al.'s comparison), training on randomly
 * permuted labels (the overfitting control of Liao et al.: a fixed seeded permutation of the training
 * labels, while the probe keeps the true ones), dropout on the hidden layers' outputs in training (the probe is always
 * read without it), and the seed of weights, data order and permutation.
 */
public record TrainingVariant(HiddenActivation activation, double l2, double dropout, boolean randomLabels, long seed) {

    public TrainingVariant {
        if (activation == null) {
            throw new IllegalArgumentException("an activation is needed");
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("--l2 must be >= 0, got " + l2);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("--dropout must be in [0, 1), got " + dropout);
        }
    }

    /** Purposes of {@link #derivedSeed}. */
    public static final int SPLIT = 1;
    public static final int MINIBATCH_ORDER = 2;
    public static final int LABEL_PERMUTATION = 3;

    public TrainingVariant withSeed(long s) {
        return new TrainingVariant(activation, l2, dropout, randomLabels, s);
    }

    /** The run-name part that tells variants apart: "tanh", "relu-l2", "tanh-random", ... */
    public String name() {
        return activation.id() + (l2 > 0 ? "-l2" : "") + (dropout > 0 ? "-dropout" : "") + (randomLabels ? "-random" : "");
    }

    /** Seeds derived for each purpose, so that changing one option never reshuffles another's draws. */
    public long derivedSeed(int purpose) {
        return seed * 1_000_003L + purpose;
    }

    /** The labels to train on: {@code labels} as they are, or a fixed seeded permutation of them with --random-labels. */
    public int[] trainingLabels(int[] labels) {
        int[] out = labels.clone();
        if (randomLabels) {
            org.infolens.numeric.RandomRows.shuffle(out, new java.util.Random(derivedSeed(LABEL_PERMUTATION)));
        }
        return out;
    }

    /**
     * {@code layer} with this variant's dropout on its input, for a layer whose input is a hidden layer's output: each unit
     * dropped with probability {@code dropout} in training (DL4J's {@code dropOut} takes the probability of keeping one).
     */
    public <B extends org.deeplearning4j.nn.conf.layers.Layer.Builder<B>> B droppingInputs(B layer) {
        return dropout > 0 ? layer.dropOut(1 - dropout) : layer;
    }

    /** Writes the variant into an experiment's settings (run.json). */
    public void describe(Map<String, Object> settings) {
        settings.put("activation", activation.id());
        settings.put("l2", l2);
        settings.put("dropout", dropout);
        settings.put("randomLabels", randomLabels);
    }
}
