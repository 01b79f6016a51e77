package org.infolens.estimate.lossy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.estimate.knn.PointSet;
import org.infolens.estimate.knn.WeightedKozachenkoLeonenko;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.numeric.Pca;

/**
 * Mutual information through lossy compression (Butakov et al. 2024): compress each high-dimensional
 * variable to a few dimensions, then estimate between the codes. The layer: PCA to m components
 * (default 4), refitted at every epoch on the probe. The input X: an autoencoder (their choice) or
 * PCA to m dimensions, fitted once per run and reused. Each variable's codes are whitened; entropies
 * by the weighted Kozachenko-Leonenko estimator (k = 5; plain k = 1 in up to 4 dimensions);
 * I(X;T) = H(X) + H(T) - H(X,T), I(T;Y) = H(T) - sum_y p(y) H(T | Y = y). H_T is the entropy of the
 * layer's codes. Bits.
 */
public final class LossyCompressionMI implements Measure {

    public static final String NAME = "lossy";
    private static final double LN2 = Math.log(2);

    /** How the probe's inputs are compressed. */
    public enum InputCompression {
        AUTOENCODER, PCA;

        String parameterValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final int components;
    private final InputCompression inputCompression;
    private final int inputComponents;
    private final int k;
    private final double jitter;
    private final long seed;
    private final int autoencoderEpochs;
    private final int autoencoderHidden;

    // The inputs' codes, computed once per run (the probe is the same object at every epoch).
    private Activations compressedFor;
    private PointSet inputCodes;
    private Map<String, Object> inputDetails;

    private LossyCompressionMI(Builder b) {
        this.components = b.components;
        this.inputCompression = b.inputCompression;
        this.inputComponents = b.inputComponents;
        this.k = b.k;
        this.jitter = b.jitter;
        this.seed = b.seed;
        this.autoencoderEpochs = b.autoencoderEpochs;
        this.autoencoderHidden = b.autoencoderHidden;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return NAME + "/pca" + components + "-" + inputCompression.parameterValue() + inputComponents;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("components", components);
        p.put("inputCompression", inputCompression.parameterValue());
        p.put("inputComponents", inputComponents);
        p.put("k", k);
        p.put("jitter", jitter);
        p.put("seed", seed);
        if (inputCompression == InputCompression.AUTOENCODER) {
            p.put("autoencoderEpochs", autoencoderEpochs);
            p.put("autoencoderHidden", autoencoderHidden);
        }
        return p;
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
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
            Autoencoder ae = Autoencoder.train(x, inputComponents, autoencoderHidden, autoencoderEpochs, seed);
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

    @Override
    public String toString() {
        return "LossyCompressionMI" + parameters();
    }

    /** Configuration; validated in {@link #build()}. */
    public static final class Builder {
        private int components = 4;
        private InputCompression inputCompression = InputCompression.AUTOENCODER;
        private int inputComponents = 4;
        private int k = 5;
        private double jitter = 1e-10;
        private long seed;
        private int autoencoderEpochs = 50;
        private int autoencoderHidden = 64;

        private Builder() {
        }

        /** Principal components kept of each layer (default 4). */
        public Builder components(int m) {
            this.components = m;
            return this;
        }

        /** How inputs are compressed (default: autoencoder, as Butakov et al.) and to how many dimensions (default 4). */
        public Builder inputCompression(InputCompression how, int dims) {
            this.inputCompression = how;
            this.inputComponents = dims;
            return this;
        }

        /** Largest neighbour of the weighted entropy estimator (default 5). */
        public Builder k(int k) {
            this.k = k;
            return this;
        }

        public Builder jitter(double relative) {
            this.jitter = relative;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Training of the input autoencoder (defaults 50 epochs, 64 hidden units). */
        public Builder autoencoder(int epochs, int hidden) {
            this.autoencoderEpochs = epochs;
            this.autoencoderHidden = hidden;
            return this;
        }

        public LossyCompressionMI build() {
            if (components < 1 || inputComponents < 1) {
                throw new IllegalArgumentException("lossy needs at least 1 component, got " + components + " and " + inputComponents);
            }
            if (k < 1) {
                throw new IllegalArgumentException("lossy needs k >= 1, got " + k);
            }
            if (inputCompression == null) {
                throw new IllegalArgumentException("inputCompression must be autoencoder or pca");
            }
            if (!(jitter >= 0) || Double.isInfinite(jitter)) {
                throw new IllegalArgumentException("jitter must be a finite number >= 0, got " + jitter);
            }
            if (autoencoderEpochs < 1 || autoencoderHidden < 1) {
                throw new IllegalArgumentException("the autoencoder needs epochs >= 1 and hidden units >= 1");
            }
            return new LossyCompressionMI(this);
        }
    }
}
