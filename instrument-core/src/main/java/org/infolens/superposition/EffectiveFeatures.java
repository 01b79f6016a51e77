package org.infolens.superposition;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.numeric.EffectiveNumber;
import org.infolens.numeric.RandomRows;
import org.infolens.measure.ConfiguredMeasure;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.Output;
import org.infolens.measure.Unit;
import org.infolens.superposition.SparseAutoencoder.Settings;

/**
 * Effective features and superposition (Bereska et al. 2025): train a {@link SparseAutoencoder} on a
 * fixed number of a layer's activation rows, take p_i = feature i's share of the codes' L1 mass over
 * those rows and F = exp(H(p)) with p + 1e-10 renormalised ({@link EffectiveNumber}); the superposition
 * ratio is F / width (above 1: more features than dimensions). Spatial layers (channels > 0) are read
 * as one row per position, [N * H * W, C], before the rows are drawn. F grows with the number of rows
 * until it saturates, so every epoch uses the same count ({@code rows}, seeded draw without
 * replacement; all rows when the layer has fewer), recorded in the details.
 *
 * <p>Warm start (default on): the autoencoder trained on a layer is kept, by layer name, and the next
 * recorded epoch's training starts from it and from its optimiser's state, stopping after
 * {@code warmPatience} epochs without improvement, so tracking a run costs a fraction of training each
 * epoch from scratch. Values: {@code F}, a count, and {@code ratio}, a plain number.
 */
public final class EffectiveFeatures extends ConfiguredMeasure {

    public static final String NAME = "effective-features";
    /** Bereska et al.'s floor on p before renormalising. */
    private static final double PROBABILITY_FLOOR = 1e-10;

    public static final Param<Integer> ROWS = Param.integer("rows", 10_000, "activation rows per estimate (F depends on it: keep it"
            + " fixed across a run)").check(n -> n >= 2, ">= 2");
    public static final Param<Boolean> WARM_START = Param.flag("warmStart", true, "each layer's autoencoder starts from the one"
            + " trained at the previous recorded epoch");
    public static final Param<Double> MERGE_COSINE = Param.real("mergeCosine", 1.0, "atoms whose decoder directions have at least this"
            + " cosine count as one feature (1: only identical directions)").check(c -> c > 0 && c <= 1, "in (0, 1]");
    public static final ParameterSet PARAMETERS = ParameterSet.of(ROWS).and(Settings.PARAMETERS).and(WARM_START).and(MERGE_COSINE);

    /** The {@code effective-features} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "effective features of a sparse autoencoder's dictionary (Bereska et al.)", PARAMETERS,
                    List.of(Output.of("F", "effective features F", Unit.COUNT), Output.of("ratio", "F / width", Unit.NUMBER)),
                    EffectiveFeatures::new);
        }
    }

    private final int rows;
    private final Settings settings;
    private final boolean warmStart;
    private final double mergeCosine;
    private final Map<String, SparseAutoencoder> trainedByLayer = new HashMap<>();

    private EffectiveFeatures(Config config) {
        super(NAME, config);
        this.rows = config.get(ROWS);
        this.settings = Settings.of(config);
        this.warmStart = config.get(WARM_START);
        this.mergeCosine = config.get(MERGE_COSINE);
    }

    public static Builder builder() {
        return new Builder();
    }


    @Override
    public String label() {
        return NAME + "/x" + settings.dictionaryRatio() + "-l" + settings.lambda() + "-n" + rows + (settings.tied() ? "" : "-untied")
                + (settings.resamples() > 0 ? "-r" + settings.resamples() : "")
                + (settings.initialBias() > 0 ? "-b" + settings.initialBias() : "") + (mergeCosine < 1 ? "-m" + mergeCosine : "")
                + (settings.maxEpochs() != SparseAutoencoder.Settings.MAX_EPOCHS.defaultValue() ? "-e" + settings.maxEpochs() : "")
                + (settings.learningRate() != SparseAutoencoder.Settings.LEARNING_RATE.defaultValue() ? "-lr" + settings.learningRate() : "");
    }


    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        long nonFinite = values.countNonFinite();
        if (nonFinite > 0) {
            throw new IllegalArgumentException("layer " + layer.describe() + " has " + nonFinite + " NaN or infinite activations");
        }
        Activations sample = drawRows(layer, values);
        if (sample.rows() < 2) {
            throw new IllegalArgumentException("effective features need at least 2 activation rows, layer " + layer.describe()
                    + " has " + sample.rows());
        }
        if (allRowsEqual(sample)) { // what an autoencoder makes of one point is the optimiser's choice, not the layer's features
            throw new IllegalArgumentException("layer " + layer.describe() + " is constant (all " + sample.rows()
                    + " rows are the same): there are no features to find");
        }
        SparseAutoencoder previous = warmStart ? trainedByLayer.get(layer.name()) : null;
        SparseAutoencoder sae = previous != null && previous.width() == sample.columns()
                ? previous.continueTraining(sample, settings) : SparseAutoencoder.train(sample, settings);
        if (warmStart) {
            trainedByLayer.put(layer.name(), sae);
        }
        double[] mass = sae.featureMass(sample);
        int dead = 0;
        for (double m : mass) {
            dead += m == 0 ? 1 : 0;
        }
        if (dead == mass.length) {
            throw new IllegalArgumentException("every one of the " + mass.length + " dictionary features is inactive on layer "
                    + layer.describe() + ": no L1 mass to share out");
        }
        int[] group = sae.parallelGroups(mergeCosine);
        int merged = 0;
        for (int i = 0; i < mass.length; i++) {
            if (group[i] != i) { // a feature split over parallel atoms counts once, with their mass together
                mass[group[i]] += mass[i];
                merged += mass[i] > 0 ? 1 : 0;
                mass[i] = 0;
            }
        }
        double f = fromMass(mass);
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("F", f);
        v.put("ratio", f / sample.columns());
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("width", sample.columns());
        resolved.put("dictionary", sae.dictionarySize());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rowsUsed", sample.rows());
        details.put("epochs", sae.training().epochs());
        details.put("finalLoss", sae.training().finalLoss());
        details.put("stoppedEarly", sae.training().stoppedEarly());
        details.put("warmStarted", sae.training().warmStarted());
        details.put("deadFeatures", dead);
        details.put("resampledFeatures", sae.training().resampled());
        details.put("mergedFeatures", merged);
        return new Estimate(v, resolved, details);
    }

    /** F = exp(H(p)) of the features' L1 masses, p + 1e-10 renormalised (Bereska et al.'s convention). */
    public static double fromMass(double[] l1Mass) {
        return EffectiveNumber.exponentialOfEntropy(l1Mass, PROBABILITY_FLOOR, true);
    }

    /**
     * At most {@code rows} rows, drawn without replacement (seeded); a spatial layer's rows are its
     * positions, each a C-vector read out of the channel-first [C, H, W] flattening.
     */
    private Activations drawRows(LayerId layer, Activations values) {
        boolean spatial = layer.channels() > 0;
        if (spatial && values.columns() != layer.width()) {
            throw new IllegalArgumentException("layer " + layer.describe() + " has " + values.columns() + " activation columns");
        }
        int positions = spatial ? layer.positions() : 1;
        int width = spatial ? layer.channels() : values.columns();
        int total = values.rows() * positions;
        int count = Math.min(rows, total);
        int[] chosen = RandomRows.subset(total, count, new Random(settings.seed())); // ascending: read in memory order
        float[] out = new float[count * width];
        for (int r = 0; r < count; r++) {
            int row = chosen[r] / positions;
            int position = chosen[r] % positions;
            for (int c = 0; c < width; c++) {
                out[r * width + c] = (float) values.get(row, c * positions + position); // the autoencoder's precision
            }
        }
        return Activations.wrap(out, count, width);
    }

    private static boolean allRowsEqual(Activations a) {
        for (int r = 1; r < a.rows(); r++) {
            for (int c = 0; c < a.columns(); c++) {
                if (a.get(r, c) != a.get(0, c)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A row resampled with replacement only weighs more in the autoencoder's mean loss and in the
     * mass sums; it makes no spurious pattern or zero distance, and the bootstrap keeps the row count
     * F depends on, which subsampling would halve.
     */
    @Override
    public boolean biasedByRepeatedRows() {
        return false;
    }


    /** Configuration; validated in {@link #build()}. */
    public static final class Builder {
        private final Config.Builder config = PARAMETERS.builder(NAME);

        private Builder() {
        }

        /** Activation rows per estimate (default 10,000): F depends on it, so keep it fixed across a run. */
        public Builder rows(int n) {
            config.set(ROWS, n);
            return this;
        }

        /** Dictionary size D = ratio x width (default 4). */
        public Builder dictionaryRatio(int ratio) {
            config.set(Settings.DICTIONARY_RATIO, ratio);
            return this;
        }

        /** Weight of the L1 penalty (default 0.1). */
        public Builder lambda(double l) {
            config.set(Settings.LAMBDA, l);
            return this;
        }

        /** Adam's learning rate (default 1e-3). */
        public Builder learningRate(double lr) {
            config.set(Settings.LEARNING_RATE, lr);
            return this;
        }

        /** Minibatch size (default 128). */
        public Builder batch(int b) {
            config.set(Settings.BATCH, b);
            return this;
        }

        /** Epochs without improvement before stopping (default 10). */
        public Builder patience(int epochs) {
            config.set(Settings.PATIENCE, epochs);
            return this;
        }

        /** Epochs without improvement before a warm-started training stops (default 2). */
        public Builder warmPatience(int epochs) {
            config.set(Settings.WARM_PATIENCE, epochs);
            return this;
        }

        /** Cap on the epochs of one training (default 500). */
        public Builder maxEpochs(int epochs) {
            config.set(Settings.MAX_EPOCHS, epochs);
            return this;
        }

        /** Relative decrease of the epoch loss that counts as an improvement (default 1e-3). */
        public Builder minImprovement(double relative) {
            config.set(Settings.MIN_IMPROVEMENT, relative);
            return this;
        }

        /** Seed of the row draw, the initial weights and the minibatch order (default 0). */
        public Builder seed(long s) {
            config.set(Settings.SEED, s);
            return this;
        }

        /** Also stop training when F of an epoch's code masses is within this fraction of the previous epoch's (default 0: off). */
        public Builder stableF(double fraction) {
            config.set(Settings.STABLE_F, fraction);
            return this;
        }

        /** Tied encoder and decoder (default true, the paper's); false: untied decoder with bias and norm-weighted L1. */
        public Builder tied(boolean on) {
            config.set(Settings.TIED, on);
            return this;
        }

        /** Rounds of dead-atom resampling, each followed by re-convergence (default 0). */
        public Builder resamples(int rounds) {
            config.set(Settings.RESAMPLES, rounds);
            return this;
        }

        /** Encoder biases start at -bias x the rows' root mean square entry (default 0: zero biases). */
        public Builder initialBias(double bias) {
            config.set(Settings.INITIAL_BIAS, bias);
            return this;
        }

        /** Atoms whose decoder directions have at least this cosine count as one feature (default 1: only identical ones). */
        public Builder mergeCosine(double cosine) {
            config.set(MERGE_COSINE, cosine);
            return this;
        }

        /** Whether each layer's autoencoder starts from the one trained at the previous recorded epoch (default true). */
        public Builder warmStart(boolean on) {
            config.set(WARM_START, on);
            return this;
        }

        public EffectiveFeatures build() {
            return new EffectiveFeatures(config.build());
        }
    }
}
