package org.infolens.estimate.binning;

import java.util.Map;
import java.util.OptionalDouble;
import org.infolens.config.Config;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;

/**
 * Entropy-based adaptive binning (EBAB) of Chelombiev et al. (2019), the default of their code: per
 * layer and per epoch, pool all values, let u be the sorted distinct values other than the lower
 * limit {@code low}; edges are {@code [low] + [u[floor(k |u| / B)] for k < B] + [u[last]]}. Each bin
 * holds the same number of distinct activation levels (not the same sample mass). With low = 0 a
 * ReLU layer's exact zeros keep their own symbol; a dead layer (all values = low) is one symbol.
 *
 * <p>{@code low} is a number, or "auto": from the layer's activation function (-1.000001 for tanh-like,
 * 0 for ReLU-like), else from the data (see {@link ActivationBounds#fromData}). The value used is in
 * every record.
 */
public final class AdaptiveDiscretizer implements Discretizer {

    private final Config config;
    private final int bins;
    private final OptionalDouble low; // empty = auto

    AdaptiveDiscretizer(Config config) {
        this.config = config;
        this.bins = config.get(BinnedInformation.BINS);
        this.low = config.get(BinnedInformation.LOW);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String tag() {
        return "adaptive-" + bins;
    }

    @Override
    public Config config() {
        return config;
    }

    /** The lower limit used for this layer. */
    double lowFor(LayerId layer, Activations values) {
        if (low.isPresent()) {
            return low.getAsDouble();
        }
        OptionalDouble fromActivation = ActivationBounds.forActivation(layer.activation());
        return fromActivation.isPresent() ? fromActivation.getAsDouble() : ActivationBounds.fromData(values);
    }

    /** The EBAB edges of these values for a given lower limit. */
    double[] edges(Activations values, double lowLimit) {
        return edges(DistinctValues.of(values, lowLimit), lowLimit);
    }

    /** The EBAB edges from a layer's distinct levels (those other than the lower limit). */
    private double[] edges(DistinctValues u, double lowLimit) {
        long size = u.count();
        if (size == 0) {
            return new double[] {lowLimit};
        }
        double[] e = new double[bins + 2];
        e[0] = lowLimit;
        double perBin = (double) size / bins; // same double arithmetic as int(k * (len(u) / B))
        for (int k = 0; k < bins; k++) {
            e[k + 1] = u.valueAt((long) (k * perBin));
        }
        e[bins + 1] = u.valueAt(size - 1);
        return e;
    }

    @Override
    public LayerBinning prepare(LayerId layer, Activations values) {
        double lowLimit = lowFor(layer, values);
        DistinctValues levels = DistinctValues.of(values, lowLimit);
        SortedEdges edges = new SortedEdges(edges(levels, lowLimit), SortedEdges.tableBitsFor(values.size()));
        return LayerBinning.byEdges(edges, -1, values.precision(), Map.of(BinnedInformation.LOW.name(), lowLimit), Map.of("distinctLevels", levels.count()));
    }

    @Override
    public String toString() {
        return "AdaptiveDiscretizer" + config;
    }

    /** Configuration; validated in {@link #build()}. */
    public static final class Builder {
        private final Config.Builder config = BinnedInformation.PARAMETERS.builder(BinnedInformation.NAME)
                .set(BinnedInformation.EDGES, BinnedInformation.Edges.ADAPTIVE);

        private Builder() {
        }

        public Builder bins(int bins) {
            config.set(BinnedInformation.BINS, bins);
            return this;
        }

        /** A fixed lower limit for every layer. */
        public Builder low(double low) {
            config.set(BinnedInformation.LOW, OptionalDouble.of(low));
            return this;
        }

        /** The lower limit from each layer's activation function, else from its data (the default). */
        public Builder autoLow() {
            config.set(BinnedInformation.LOW, OptionalDouble.empty());
            return this;
        }

        public AdaptiveDiscretizer build() {
            return new AdaptiveDiscretizer(config.build());
        }
    }
}
