package org.infolens.estimate.binning;

import java.util.LinkedHashMap;
import java.util.Map;
import org.infolens.data.Activations;
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
        CLAMP;

        String parameterValue() {
            return this == WRAP ? "wrap" : "clamp";
        }
    }

    private final int bins;
    private final double low;
    private final double high;
    private final BelowRange belowRange;
    private final LayerBinning binning;

    private FixedRangeDiscretizer(Builder b) {
        this.bins = b.bins;
        this.low = b.low;
        this.high = b.high;
        this.belowRange = b.belowRange;
        SortedEdges edges = new SortedEdges(float32Linspace(low, high, bins), SortedEdges.FIXED_TABLE_BITS);
        this.binning = LayerBinning.byEdges(edges, belowRange == BelowRange.WRAP ? bins - 1 : 0, Map.of(), Map.of());
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
    public String strategy() {
        return "fixed-range";
    }

    @Override
    public String tag() {
        return "fixed-range-" + bins;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("edges", strategy());
        p.put("bins", bins);
        p.put("lo", low);
        p.put("hi", high);
        p.put("belowRange", belowRange.parameterValue());
        return p;
    }

    @Override
    public LayerBinning prepare(LayerId layer, Activations values) {
        return binning;
    }

    @Override
    public String toString() {
        return "FixedRangeDiscretizer" + parameters();
    }

    /** Configuration; validated in {@link #build()}. */
    public static final class Builder {
        private int bins = 30;
        private double low = -1;
        private double high = 1;
        private BelowRange belowRange = BelowRange.WRAP;

        private Builder() {
        }

        /** Number of edges (the original code's 30 gives 29 intervals plus the symbol at +1). */
        public Builder bins(int bins) {
            this.bins = bins;
            return this;
        }

        /** The range the edges span; (-1, 1) in the original work. */
        public Builder range(double low, double high) {
            this.low = low;
            this.high = high;
            return this;
        }

        public Builder belowRange(BelowRange belowRange) {
            this.belowRange = belowRange;
            return this;
        }

        public FixedRangeDiscretizer build() {
            if (bins < 2) {
                throw new IllegalArgumentException("fixed-range binning needs bins >= 2, got " + bins);
            }
            if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
                throw new IllegalArgumentException("fixed-range binning needs a finite range low < high, got [" + low + ", " + high + "]");
            }
            if (belowRange == null) {
                throw new IllegalArgumentException("belowRange must be WRAP or CLAMP");
            }
            return new FixedRangeDiscretizer(this);
        }
    }
}
