package org.infolens.estimate.binning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.infolens.data.Activations;
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
 */
public final class GlobalMinMaxDiscretizer implements Discretizer {

    private final int bins;
    private final boolean declared;
    private final RangeObserver observer; // null when the range is declared
    // Observed-range state: written by the first pass, read by the second (same worker thread).
    private double lo;
    private double hi;
    private boolean rangeKnown;
    private LayerBinning binning;

    private GlobalMinMaxDiscretizer(Builder b) {
        this.bins = b.bins;
        this.declared = b.declared;
        if (declared) {
            setRange(b.lo, b.hi);
            this.observer = null;
        } else {
            this.observer = new RangeObserver();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private void setRange(double lo, double hi) {
        this.lo = lo;
        this.hi = hi;
        double[] e = new double[bins];
        double step = (hi - lo) / bins;
        for (int i = 0; i < bins; i++) {
            e[i] = i * step + lo; // numpy linspace(lo, hi, bins + 1)[:-1]
        }
        this.binning = LayerBinning.byEdges(new SortedEdges(e, SortedEdges.FIXED_TABLE_BITS), -1, Map.of(), Map.of());
        this.rangeKnown = true;
    }

    @Override
    public String strategy() {
        return "global-minmax";
    }

    @Override
    public String tag() {
        return "global-minmax-" + bins;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("edges", strategy());
        p.put("bins", bins);
        p.put("range", declared ? "declared" : "observed");
        p.put("lo", rangeKnown ? lo : null);
        p.put("hi", rangeKnown ? hi : null);
        return p;
    }

    @Override
    public LayerBinning prepare(LayerId layer, Activations values) {
        if (!rangeKnown) {
            throw new IllegalStateException("global min-max binning: the range is observed over the whole run and"
                    + " is not known before the run's first pass is complete");
        }
        return binning;
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
            setRange(min, max);
        }
    }

    @Override
    public String toString() {
        return "GlobalMinMaxDiscretizer" + parameters();
    }

    /** Configuration; validated in {@link #build()}. */
    public static final class Builder {
        private int bins = 100;
        private boolean declared;
        private double lo = Double.NaN;
        private double hi = Double.NaN;

        private Builder() {
        }

        public Builder bins(int bins) {
            this.bins = bins;
            return this;
        }

        /** Declares the range, so no second pass is needed. */
        public Builder range(double lo, double hi) {
            this.declared = true;
            this.lo = lo;
            this.hi = hi;
            return this;
        }

        /** Observes the range over all layers and epochs of the run (the default). */
        public Builder observedRange() {
            this.declared = false;
            return this;
        }

        public GlobalMinMaxDiscretizer build() {
            if (bins < 1) {
                throw new IllegalArgumentException("global min-max binning needs bins >= 1, got " + bins);
            }
            if (declared && !(Double.isFinite(lo) && Double.isFinite(hi) && lo <= hi)) {
                throw new IllegalArgumentException("global min-max binning needs a finite range lo <= hi, got [" + lo + ", " + hi + "]");
            }
            return new GlobalMinMaxDiscretizer(this);
        }
    }
}
