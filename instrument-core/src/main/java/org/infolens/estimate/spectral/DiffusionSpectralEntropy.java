package org.infolens.estimate.spectral;

import java.util.LinkedHashMap;
import java.util.Map;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;

/**
 * Diffusion spectral entropy (Liao et al. 2023) of a layer: the entropy in bits of the normalised
 * spectrum of the diffusion operator on the probe's activations ({@link DiffusionKernel}), with
 * |lambda|^t for t diffusion steps. Above {@code maxN} rows a seeded random subset of maxN rows is
 * used. Stays informative in high dimension, where binning and k-NN estimates saturate at log2 N.
 * Values: DSE (bits, between about 0 for identical rows and log2 N for isolated ones).
 */
public final class DiffusionSpectralEntropy implements Measure {

    public static final String NAME = "dse";

    private final DiffusionSettings settings;
    private final int maxN;

    private DiffusionSpectralEntropy(Builder b) {
        this.settings = b.settings();
        this.maxN = b.maxN;
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
        return NAME + "/" + settings.label();
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("maxN", maxN);
        p.putAll(settings.parameters());
        return p;
    }

    @Override
    public int rowsUsed(int probeRows) {
        return Math.min(maxN, probeRows);
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        DiffusionSettings.requireRows(layer, values);
        int[] rows = DiffusionSettings.seededSubset(values.rows(), maxN, settings.seed());
        double[] z = DiffusionSettings.rowsAsDoubles(values, rows);
        SpectrumMethod.Result r = settings.entropy(z, rows.length, values.columns());
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("sigmaUsed", r.sigma());
        resolved.put("rowsUsed", rows.length);
        return new Estimate(Map.of("DSE", r.bits()), resolved, settings.details(r));
    }

    @Override
    public String toString() {
        return "DiffusionSpectralEntropy" + parameters();
    }

    /** Configuration; {@link #build()} validates. */
    public static final class Builder extends DiffusionBuilder<Builder> {
        private int maxN = 10_000;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** Rows above which a seeded subset is used (default 10,000). */
        public Builder maxN(int maxN) {
            this.maxN = maxN;
            return this;
        }

        public DiffusionSpectralEntropy build() {
            if (maxN < 2) {
                throw new IllegalArgumentException("dse needs maxN >= 2, got " + maxN);
            }
            return new DiffusionSpectralEntropy(this);
        }
    }
}
