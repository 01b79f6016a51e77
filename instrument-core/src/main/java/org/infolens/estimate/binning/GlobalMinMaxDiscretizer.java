package org.infolens.estimate.binning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.infolens.config.Config;
import org.infolens.data.Activations;
import org.infolens.data.Activations.Precision;
import org.infolens.data.LayerId;
import org.infolens.measure.RunObserver;

/**
 * Global min-max binning, the rule Saxe et al. (2018) used for ReLU networks: {@code bins} equal bins
 * between the smallest and largest activation over all units, all layers and all recorded epochs.
 * Edges are {@code linspace(lo, hi, bins + 1)} without the last, in double; values at or above the
 * last edge share the top bin, values below {@code lo} (possible only with a declared range) get -1.
 *
 * <p>The range is either declared up front, or observed: then the measure needs a first pass over
 * the whole run, and the pipeline estimates every epoch at the run's end from stored activations.
 * An observed range is recorded with each estimate (as resolved lo and hi), a declared one with the
 * parameters.
 */
public final class GlobalMinMaxDiscretizer implements Discretizer {

    /** Where the range comes from. */
    public enum Range {
        /** Observed over all layers and epochs of the run, in a first pass. */
        OBSERVED,
        /** Declared by the lo and hi parameters. */
        DECLARED
    }

    private final Config config;
    private final int bins;
    private final RangeObserver observer; // null when the range is declared
    // Written once: at construction when declared, by the first pass when observed (on the worker thread that then estimates).
    private LayerBinning binning;

    GlobalMinMaxDiscretizer(Config config) {
        this.config = config;
        this.bins = config.get(BinnedInformation.BINS);
        if (config.get(BinnedInformation.RANGE) == Range.DECLARED) {
            this.binning = binning(config.get(BinnedInformation.LO), config.get(BinnedInformation.HI), Map.of());
            this.observer = null;
        } else {
            this.observer = new RangeObserver();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private LayerBinning binning(double lo, double hi, Map<String, Object> resolved) {
        double[] e = new double[bins];
        double step = (hi - lo) / bins;
        for (int i = 0; i < bins; i++) {
            e[i] = i * step + lo; // numpy linspace(lo, hi, bins + 1)[:-1]
        }
        return LayerBinning.byEdges(new SortedEdges(e, SortedEdges.FIXED_TABLE_BITS), -1, Precision.FLOAT32, resolved, Map.of());
    }

    @Override
    public String tag() {
        return "global-minmax-" + bins;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public LayerBinning prepare(LayerId layer, Activations values) {
        if (binning == null) {
            throw new IllegalStateException("global min-max binning: the range is observed over the whole run and"
                    + " is not known before the run's first pass is complete");
        }
        return binning.in(values.precision());
    }

    @Override
    public Optional<RunObserver> runObserver() {
        return Optional.ofNullable(observer);
    }

    /** Tracks the smallest and largest activation over the whole run. */
    private final class RangeObserver implements RunObserver {
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        @Override
        public void observe(LayerId layer, Activations values) {
            min = Math.min(min, values.min());
            max = Math.max(max, values.max());
        }

        @Override
        public void complete() {
            if (!(min <= max)) {
                throw new IllegalStateException("global min-max binning observed no activations in the whole run");
            }
            Map<String, Object> range = new LinkedHashMap<>();
            range.put(BinnedInformation.LO.name(), min);
            range.put(BinnedInformation.HI.name(), max);
            binning = binning(min, max, range);
        }
    }

    @Override
    public String toString() {
        return "GlobalMinMaxDiscretizer" + config;
    }

    /** Configuration; validated in {@link #build()}. */
    public static final class Builder {
        private final Config.Builder config = BinnedInformation.PARAMETERS.builder(BinnedInformation.NAME)
                .set(BinnedInformation.EDGES, BinnedInformation.Edges.GLOBAL_MINMAX);

        private Builder() {
        }

        public Builder bins(int bins) {
            config.set(BinnedInformation.BINS, bins);
            return this;
        }

        /** Declares the range, so no second pass is needed. */
        public Builder range(double lo, double hi) {
            config.set(BinnedInformation.LO, lo).set(BinnedInformation.HI, hi).set(BinnedInformation.RANGE, Range.DECLARED);
            return this;
        }

        /** Observes the range over all layers and epochs of the run (the default). */
        public Builder observedRange() {
            config.set(BinnedInformation.LO, null).set(BinnedInformation.HI, null).set(BinnedInformation.RANGE, Range.OBSERVED);
            return this;
        }

        public GlobalMinMaxDiscretizer build() {
            return new GlobalMinMaxDiscretizer(config.build());
        }
    }
}
