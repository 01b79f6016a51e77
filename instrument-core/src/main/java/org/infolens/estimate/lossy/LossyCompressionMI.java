package org.infolens.estimate.lossy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.estimate.knn.PointSet;
import org.infolens.estimate.knn.WeightedKozachenkoLeonenko;
import org.infolens.measure.ConfiguredMeasure;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.numeric.Pca;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.Output;
import org.infolens.measure.Quantity;

/**
 * Mutual information through lossy compression (Butakov et al. 2024): compress each high-dimensional
 * variable to a few dimensions, then estimate between the codes. The layer: PCA to m components
 * (default 4), refitted at every epoch on the probe. The input X: an autoencoder (their choice) or
 * PCA to m dimensions, fitted once per run and reused. Each variable's codes are whitened; entropies
 * by the weighted Kozachenko-Leonenko estimator (k = 5; plain k = 1 in up to 4 dimensions);
 * I(X;T) = H(X) + H(T) - H(X,T), I(T;Y) = H(T) - sum_y p(y) H(T | Y = y). H_T is the entropy of the
 * layer's codes. Bits.
 */
public final class LossyCompressionMI extends ConfiguredMeasure {

    public static final String NAME = "lossy";
    private static final double LN2 = Math.log(2);

    /** How the probe's inputs are compressed. */
    public enum InputCompression {
        AUTOENCODER, PCA
    }

    public static final Param<Integer> COMPONENTS = Param.integer("components", 4, "principal components kept of each layer,"
            + " refitted at every epoch").check(m -> m >= 1, ">= 1");
    public static final Param<InputCompression> INPUT_COMPRESSION = Param.choice("inputCompression", InputCompression.AUTOENCODER,
            "how the inputs are compressed, once per run: an autoencoder (Butakov et al.) or PCA");
    public static final Param<Integer> INPUT_COMPONENTS = Param.integer("inputComponents", 4, "dimensions of the inputs' codes")
            .check(m -> m >= 1, ">= 1");
    public static final Param<Integer> K = Param.integer("k", 5, "largest neighbour of the weighted Kozachenko-Leonenko estimator"
            + " (plain k = 1 in up to 4 dimensions)").check(k -> k >= 1, ">= 1");
    public static final Param<Double> JITTER = Param.real("jitter", 1e-10, "sd of the Gaussian jitter that breaks ties, relative"
            + " to each column's scale; 0 = none").check(j -> j >= 0, ">= 0");
    public static final Param<Long> SEED = Param.seed("seed", "seed of the jitter and of the autoencoder");
    public static final Param<Integer> AUTOENCODER_EPOCHS = Param.integer("autoencoderEpochs", 50, "training epochs of the input"
            + " autoencoder").onlyWhen(INPUT_COMPRESSION, InputCompression.AUTOENCODER).check(e -> e >= 1, ">= 1");
    public static final Param<Integer> AUTOENCODER_HIDDEN = Param.integer("autoencoderHidden", 64, "hidden units of the input"
            + " autoencoder").onlyWhen(INPUT_COMPRESSION, InputCompression.AUTOENCODER).check(h -> h >= 1, ">= 1");
    public static final ParameterSet PARAMETERS = ParameterSet.of(COMPONENTS, INPUT_COMPRESSION, INPUT_COMPONENTS, K, JITTER, SEED,
            AUTOENCODER_EPOCHS, AUTOENCODER_HIDDEN);

    public static final List<Output> OUTPUTS = List.of(Output.bits(Quantity.H_T), Output.bits(Quantity.I_XT), Output.bits(Quantity.I_TY));

    /** The {@code lossy} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "MI of PCA / autoencoder codes by weighted k-NN entropies (Butakov et al.)", PARAMETERS, OUTPUTS,
                    LossyCompressionMI::new);
        }
    }

    private final int components;
    private final InputCompression inputCompression;
    private final int inputComponents;
    private final int k;
    private final double jitter;
    private final long seed;

    // The inputs' codes, computed once per run (the probe is the same object at every epoch).
    private Activations compressedFor;
    private PointSet inputCodes;
    private Map<String, Object> inputDetails;

    private LossyCompressionMI(Config config) {
        super(NAME, config);
        this.components = config.get(COMPONENTS);
        this.inputCompression = config.get(INPUT_COMPRESSION);
        this.inputComponents = config.get(INPUT_COMPONENTS);
        this.k = config.get(K);
        this.jitter = config.get(JITTER);
        this.seed = config.get(SEED);
    }

    public static Builder builder() {
        return new Builder();
    }


    @Override
    public String label() {
        return NAME + "/pca" + components + "-" + INPUT_COMPRESSION.toJson(inputCompression) + inputComponents;
    }


    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        int n = values.rows();
        Pca pca = Pca.fit(values, components);
        Map<String, Double> v = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("codeDims", pca.components());
        if (pca.components() == 0) { // a constant layer carries no information
            v.put("I_XT", 0.0);
            if (probe.hasLabels()) {
                v.put("I_TY", 0.0);
            }
            details.put("constant", true);
            return new Estimate(v, Map.of(), details);
        }
        double[] codes = pca.project(values);
        Whitening w = Whitening.fit(codes, n, pca.components());
        PointSet t = PointSet.ofRows(w.apply(codes, n), n, pca.components()).jittered(jitter, seed);
        double hT = WeightedKozachenkoLeonenko.entropyNats(t, k);
        v.put("H_T", (hT + w.logDeterminant()) / LN2);
        if (probe.inputs().isPresent()) {
            PointSet x = inputCodes(probe.inputs().get());
            double hX = WeightedKozachenkoLeonenko.entropyNats(x, k);
            double hXT = WeightedKozachenkoLeonenko.entropyNats(x.join(t), k);
            v.put("I_XT", (hX + hT - hXT) / LN2);
            details.putAll(inputDetails);
        }
        if (probe.hasLabels()) {
            int[] y = probe.labels();
            double hGivenY = 0;
            int used = 0;
            for (int c = 0; c < probe.classes(); c++) {
                int cc = c;
                int[] members = java.util.stream.IntStream.range(0, n).filter(i -> y[i] == cc).toArray();
                if (members.length > k + 1) {
                    hGivenY += (double) members.length * WeightedKozachenkoLeonenko.entropyNats(t.subset(members), k);
                    used += members.length;
                }
            }
            if (used == 0) {
                throw new IllegalArgumentException("lossy I(T;Y) needs classes with more than " + (k + 1) + " rows");
            }
            v.put("I_TY", (hT - hGivenY / used) / LN2);
            details.put("rowsDroppedForITY", n - used);
        }
        return new Estimate(v, Map.of(), details);
    }

    /** The whitened codes of the probe's inputs, computed at the first call and kept for the run. */
    private PointSet inputCodes(Activations x) {
        if (x == compressedFor) {
            return inputCodes;
        }
        int n = x.rows();
        Map<String, Object> d = new LinkedHashMap<>();
        double[] codes;
        int m;
        if (x.columns() <= inputComponents) {
            m = x.columns();
            codes = new double[n * m];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = x.getFlat(i);
            }
            d.put("inputCompression", "none (inputs have " + m + " dimensions)");
        } else if (inputCompression == InputCompression.PCA) {
            Pca pca = Pca.fit(x, inputComponents);
            m = pca.components();
            codes = pca.project(x);
        } else {
            Autoencoder ae = Autoencoder.train(x, inputComponents, config.get(AUTOENCODER_HIDDEN), config.get(AUTOENCODER_EPOCHS), seed);
            m = inputComponents;
            codes = ae.encode(x);
            d.put("autoencoderLoss", ae.finalLoss());
        }
        d.put("inputCodeDims", m);
        Whitening w = Whitening.fit(codes, n, m);
        this.inputCodes = PointSet.ofRows(w.apply(codes, n), n, m).jittered(jitter, seed + 1);
        this.inputDetails = d;
        this.compressedFor = x;
        return inputCodes;
    }


    /** Configuration; validated in {@link #build()}. */
    public static final class Builder {
        private final Config.Builder config = PARAMETERS.builder(NAME);

        private Builder() {
        }

        /** Principal components kept of each layer (default 4). */
        public Builder components(int m) {
            config.set(COMPONENTS, m);
            return this;
        }

        /** How inputs are compressed (default: autoencoder, as Butakov et al.) and to how many dimensions (default 4). */
        public Builder inputCompression(InputCompression how, int dims) {
            config.set(INPUT_COMPRESSION, how).set(INPUT_COMPONENTS, dims);
            return this;
        }

        /** Largest neighbour of the weighted entropy estimator (default 5). */
        public Builder k(int k) {
            config.set(K, k);
            return this;
        }

        public Builder jitter(double relative) {
            config.set(JITTER, relative);
            return this;
        }

        public Builder seed(long seed) {
            config.set(SEED, seed);
            return this;
        }

        /** Training of the input autoencoder (defaults 50 epochs, 64 hidden units). */
        public Builder autoencoder(int epochs, int hidden) {
            config.set(AUTOENCODER_EPOCHS, epochs).set(AUTOENCODER_HIDDEN, hidden);
            return this;
        }

        public LossyCompressionMI build() {
            return new LossyCompressionMI(config.build());
        }
    }
}
