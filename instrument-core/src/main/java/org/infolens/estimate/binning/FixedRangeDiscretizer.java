package org.infolens.estimate.binning;

import java.util.Map;
import org.infolens.config.Config;
import org.infolens.data.Activations;
import org.infolens.data.Activations.Precision;
import org.infolens.data.LayerId;

/**
 * Fixed-range binning of Shwartz-Ziv and Tishby (2017): {@code bins} edges {@code linspace(-1, 1,
 * bins)} in float32; a value's bin is the index of the largest edge {@code <= value} (numpy digitize).
 * So +1.0 gets a symbol of its own above the last edge, and values above +1 share it.
 *
 * <p>{@link BelowRange#WRAP} reproduces the original code exactly: a value below -1 gets index -1,
 * which numpy's negative indexing turns into the top symbol. {@link BelowRange#CLAMP} puts such
 * values into the first bin instead. The original mode is the default, so numbers agree with the
 * published code; the two differ only for values below -1 (never for tanh).
 */
public final class FixedRangeDiscretizer implements Discretizer {

    /** What happens to values below the first edge. */
    public enum BelowRange {
        /** The original code's artefact: below-range values share the top symbol. */
        WRAP,
        /** Below-range values fall into the first bin. */
        CLAMP
    }

    private final Config config;
    private final LayerBinning binning;

    FixedRangeDiscretizer(Config config) {
        this.config = config;
        int bins = config.get(BinnedInformation.BINS);
        SortedEdges edges = new SortedEdges(float32Linspace(config.get(BinnedInformation.LO), config.get(BinnedInformation.HI), bins),
                SortedEdges.FIXED_TABLE_BITS);
        this.binning = LayerBinning.byEdges(edges, config.get(BinnedInformation.BELOW_RANGE) == BelowRange.WRAP ? bins - 1 : 0,
                Precision.FLOAT32, Map.of(), Map.of()); // the original rounds every value to float32, float64 ones too
    }

    public static Builder builder() {
        return new Builder();
    }

    /** numpy's linspace(start, stop, num) in double, then rounded to float32 as the original code does. */
    static double[] float32Linspace(double start, double stop, int num) {
        double[] e = new double[num];
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) {
            e[i] = (float) (i * step + start);
        }
        e[num - 1] = (float) stop;
        return e;
    }

    @Override
    public String tag() {
        return "fixed-range-" + config.get(BinnedInformation.BINS);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public LayerBinning prepare(LayerId layer, Activations values) {
        return binning;
    }

    @Override
    public String toString() {
        return "FixedRangeDiscretizer" + config;
    }

    /** Configuration; validated in {@link #build()}. */
    public static final class Builder {
        private final Config.Builder config = BinnedInformation.PARAMETERS.builder(BinnedInformation.NAME)
                .set(BinnedInformation.EDGES, BinnedInformation.Edges.FIXED_RANGE);

        private Builder() {
        }

        /** Number of edges (the original code's 30 gives 29 intervals plus the symbol at +1). */
        public Builder bins(int bins) {
            config.set(BinnedInformation.BINS, bins);
            return this;
        }

        /** The range the edges span; (-1, 1) in the original work. */
        public Builder range(double low, double high) {
            config.set(BinnedInformation.LO, low).set(BinnedInformation.HI, high);
            return this;
        }

        public Builder belowRange(BelowRange belowRange) {
            config.set(BinnedInformation.BELOW_RANGE, belowRange);
            return this;
        }

        public FixedRangeDiscretizer build() {
            return new FixedRangeDiscretizer(config.build());
        }
    }
}
