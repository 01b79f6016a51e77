package org.infolens.estimate.binning;

import java.util.LinkedHashMap;
import java.util.Map;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;

/**
 * Fixed-width binning of Saxe et al. (2018): bin = floor(value / binSize), unbounded. The division is
 * in float32, as numpy does it for float32 activations. binSize 0.07 for the 12-bit task, 0.5 for
 * MNIST in their work. Indices beyond the int range saturate (values above 1.5e8 x binSize).
 */
public final class FixedWidthDiscretizer implements Discretizer {

    private final double binSize;
    private final LayerBinning binning;

    private FixedWidthDiscretizer(double binSize) {
        this.binSize = binSize;
        this.binning = LayerBinning.byWidth((float) binSize);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String strategy() {
        return "fixed-width";
    }

    @Override
    public String tag() {
        return "fixed-width-" + binSize;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("edges", strategy());
        p.put("binSize", binSize);
        return p;
    }

    @Override
    public LayerBinning prepare(LayerId layer, Activations values) {
        return binning;
    }

    @Override
    public String toString() {
        return "FixedWidthDiscretizer" + parameters();
    }

    /** Configuration; validated in {@link #build()}. */
    public static final class Builder {
        private double binSize = 0.07;

        private Builder() {
        }

        public Builder binSize(double binSize) {
            this.binSize = binSize;
            return this;
        }

        public FixedWidthDiscretizer build() {
            if (!(binSize > 0 && Double.isFinite(binSize) && (float) binSize > 0)) {
                throw new IllegalArgumentException("fixed-width binning needs binSize > 0, got " + binSize);
            }
            return new FixedWidthDiscretizer(binSize);
        }
    }
}
