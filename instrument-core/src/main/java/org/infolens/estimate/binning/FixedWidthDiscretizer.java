package org.infolens.estimate.binning;

import org.infolens.config.Config;
import org.infolens.data.Activations;
import org.infolens.data.Activations.Precision;
import org.infolens.data.LayerId;

/**
 * Fixed-width binning of Saxe et al. (2018): bin = floor(value / binSize), unbounded. The division is
 * in the values' precision, as numpy does it (float32 for float32 activations). binSize 0.07 for the 12-bit task, 0.5 for
 * MNIST in their work. Indices beyond the int range saturate (values above 1.5e8 x binSize).
 */
public final class FixedWidthDiscretizer implements Discretizer {

    private final Config config;
    private final LayerBinning binning;

    FixedWidthDiscretizer(Config config) {
        this.config = config;
        this.binning = LayerBinning.byWidth(config.get(BinnedInformation.BIN_SIZE), Precision.FLOAT32);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String tag() {
        return "fixed-width-" + config.get(BinnedInformation.BIN_SIZE);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public LayerBinning prepare(LayerId layer, Activations values) {
        return binning.in(values.precision());
    }

    @Override
    public String toString() {
        return "FixedWidthDiscretizer" + config;
    }

    /** Configuration; validated in {@link #build()}. */
    public static final class Builder {
        private final Config.Builder config = BinnedInformation.PARAMETERS.builder(BinnedInformation.NAME)
                .set(BinnedInformation.EDGES, BinnedInformation.Edges.FIXED_WIDTH);

        private Builder() {
        }

        public Builder binSize(double binSize) {
            config.set(BinnedInformation.BIN_SIZE, binSize);
            return this;
        }

        public FixedWidthDiscretizer build() {
            return new FixedWidthDiscretizer(config.build());
        }
    }
}
