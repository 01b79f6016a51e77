package org.infolens.estimate.spectral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.ConfiguredMeasure;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.Output;
import org.infolens.measure.Unit;

/**
 * Diffusion spectral entropy (Liao et al. 2023) of a layer: the entropy in bits of the normalised
 * spectrum of the diffusion operator on the probe's activations ({@link DiffusionKernel}), with
 * |lambda|^t for t diffusion steps. Above {@code maxN} rows a seeded random subset of maxN rows is
 * used. Stays informative in high dimension, where binning and k-NN estimates saturate at log2 N.
 * Values: DSE (bits, between about 0 for identical rows and log2 N for isolated ones).
 */
public final class DiffusionSpectralEntropy extends ConfiguredMeasure {

    public static final String NAME = "dse";

    public static final Param<Integer> MAX_N = Param.integer("maxN", 10_000, "rows above which a seeded random subset of maxN rows"
            + " is used").check(n -> n >= 2, ">= 2");
    public static final ParameterSet PARAMETERS = ParameterSet.of(MAX_N).and(DiffusionSettings.PARAMETERS);

    /** The {@code dse} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "diffusion spectral entropy of T", PARAMETERS, List.of(Output.of("DSE", "DSE", Unit.BITS)),
                    DiffusionSpectralEntropy::new);
        }
    }

    private final DiffusionSettings settings;
    private final int maxN;

    private DiffusionSpectralEntropy(Config config) {
        super(NAME, config);
        this.settings = DiffusionSettings.of(config);
        this.maxN = config.get(MAX_N);
    }

    public static Builder builder() {
        return new Builder();
    }


    @Override
    public String label() {
        return NAME + "/" + settings.label();
    }


    @Override
    public int[] rowsRead(int probeRows) {
        return DiffusionSettings.seededSubset(probeRows, maxN, settings.seed());
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        DiffusionSettings.requireRows(layer, values);
        int[] rows = rowsRead(values.rows());
        double[] z = DiffusionSettings.rowsAsDoubles(values, rows);
        SpectrumMethod.Result r = settings.entropy(z, rows.length, values.columns());
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("sigmaUsed", r.sigma());
        resolved.put("rowsUsed", rows.length);
        return new Estimate(Map.of("DSE", r.bits()), resolved, settings.details(r));
    }


    /** Configuration; {@link #build()} validates. */
    public static final class Builder extends DiffusionBuilder<Builder> {

        private Builder() {
            super(PARAMETERS.builder(NAME));
        }

        @Override
        Builder self() {
            return this;
        }

        /** Rows above which a seeded subset is used (default 10,000). */
        public Builder maxN(int maxN) {
            config.set(MAX_N, maxN);
            return this;
        }

        public DiffusionSpectralEntropy build() {
            return new DiffusionSpectralEntropy(config.build());
        }
    }
}
