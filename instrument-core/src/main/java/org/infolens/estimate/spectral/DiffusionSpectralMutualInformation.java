package org.infolens.estimate.spectral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.numeric.RandomRows;
import org.infolens.measure.ConfiguredMeasure;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.numeric.RandomRows;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.Output;
import org.infolens.measure.Unit;

/**
 * Diffusion spectral mutual information (Liao et al. 2023) between a layer Z and a grouping C of the
 * probe rows: for each group c of n_c rows, DSMI = sum_c (n_c / N) (Hbar_c - H_c), with H_c the DSE of
 * the group's rows and Hbar_c the mean DSE of {@code repetitions} random sets of n_c rows of all N.
 * Sigma is resolved once on all rows, so every subset shares one kernel width. Can be slightly negative.
 * <ul>
 *   <li>{@code against=labels}: C = the probe's class labels, taken as discrete classes because you say
 *       so (never guessed from a type): DSMI_TY;</li>
 *   <li>{@code against=inputs}: C = clusters of the probe's inputs, as many as classes (or
 *       {@code clusters}), made once per run ({@link InputClustering}) and reused every epoch: DSMI_XT;</li>
 *   <li>{@code against=both}: both values.</li>
 * </ul>
 */
public final class DiffusionSpectralMutualInformation extends ConfiguredMeasure {

    public static final String NAME = "dsmi";

    /** What the rows are grouped by. */
    public enum Against {
        LABELS, INPUTS, BOTH;

        boolean labels() {
            return this != INPUTS;
        }

        boolean inputs() {
            return this != LABELS;
        }
    }

    public static final Param<Against> AGAINST = Param.choice("against", Against.LABELS, "what the rows are grouped by: the labels"
            + " (taken as discrete classes), clusters of the inputs, or both");
    public static final Param<Integer> REPETITIONS = Param.integer("repetitions", 5, "random row sets per group for the baseline"
            + " entropy").check(r -> r >= 1, ">= 1");
    public static final Param<Integer> CLUSTERS = Param.integer("clusters", 0, "input clusters to make (k-means++ on the inputs'"
            + " leading principal components, once per run); 0 = as many as the probe has classes").check(k -> k >= 0, ">= 0");
    public static final ParameterSet PARAMETERS = ParameterSet.of(AGAINST, REPETITIONS, CLUSTERS).and(DiffusionSettings.PARAMETERS)
            .require(c -> c.get(CLUSTERS) == 0 || c.get(AGAINST).inputs(), "clusters applies to against=inputs or both, not"
                    + " against=labels");

    /** The {@code dsmi} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "diffusion spectral mutual information with the labels or with clusters of the inputs", PARAMETERS,
                    List.of(Output.of("DSMI_TY", "DSMI(T;Y)", Unit.BITS), Output.of("DSMI_XT", "DSMI(X;T)", Unit.BITS)),
                    DiffusionSpectralMutualInformation::new);
        }
    }

    private final DiffusionSettings settings;
    private final int repetitions;
    private final Against against;
    private final int clusters; // 0: as many as the probe has classes

    private Probe clusteredProbe; // the probe whose inputs were clustered (one per run)
    private int[] inputClusters;

    private DiffusionSpectralMutualInformation(Config config) {
        super(NAME, config);
        this.settings = DiffusionSettings.of(config);
        this.repetitions = config.get(REPETITIONS);
        this.against = config.get(AGAINST);
        this.clusters = config.get(CLUSTERS);
    }

    public static Builder builder() {
        return new Builder();
    }


    @Override
    public String label() {
        return NAME + "/" + AGAINST.toJson(against) + "-" + settings.label();
    }


    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        DiffusionSettings.requireRows(layer, values);
        int n = values.rows();
        int d = values.columns();
        if (against.labels() && !probe.hasLabels()) {
            throw new IllegalArgumentException("dsmi against=" + AGAINST.toJson(against) + " needs class labels; the probe has none");
        }
        double[] z = DiffusionSettings.rowsAsDoubles(values);
        Bandwidth width = DiffusionKernel.resolve(z, n, d, settings.sigma());
        Map<String, Double> v = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        if (against.labels()) {
            v.put("DSMI_TY", dsmiBits(z, n, d, probe.labels(), width));
        }
        if (against.inputs()) {
            int[] groups = inputClusters(probe);
            v.put("DSMI_XT", dsmiBits(z, n, d, groups, width));
            details.put("inputClusterSizes", sizes(groups));
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("sigmaUsed", width.fixed());
        return new Estimate(v, resolved, details);
    }

    private double dsmiBits(double[] z, int n, int d, int[] groups, Bandwidth width) {
        DiffusionSettings fixed = new DiffusionSettings(width, settings.t(), settings.method(), settings.seed());
        SplittableRandom random = new SplittableRandom(settings.seed());
        int[] sizes = sizes(groups);
        double total = 0;
        for (int c = 0; c < sizes.length; c++) {
            if (sizes[c] == 0) {
                continue;
            }
            int[] members = membersOf(groups, c, sizes[c]);
            double own = fixed.entropy(DiffusionKernel.selectRows(z, d, members), members.length, d).bits();
            double baseline = 0;
            for (int r = 0; r < repetitions; r++) {
                int[] rows = RandomRows.subset(n, members.length, random);
                baseline += fixed.entropy(DiffusionKernel.selectRows(z, d, rows), rows.length, d).bits() / repetitions;
            }
            total += (double) members.length / n * (baseline - own);
        }
        return total;
    }

    private synchronized int[] inputClusters(Probe probe) {
        if (probe != clusteredProbe) {
            Activations x = probe.inputs().orElseThrow(() -> new IllegalArgumentException(
                    "dsmi against=" + AGAINST.toJson(against) + " needs the probe's inputs (Probe.withInputs, or --inputs)"));
            int k = clusters > 0 ? clusters : probe.classes();
            if (k < 1) {
                throw new IllegalArgumentException("dsmi against inputs needs clusters > 0 when the probe has no labels");
            }
            inputClusters = InputClustering.cluster(x, k, settings.seed());
            clusteredProbe = probe;
        }
        return inputClusters;
    }

    private static int[] sizes(int[] groups) {
        int k = 0;
        for (int g : groups) {
            k = Math.max(k, g + 1);
        }
        int[] sizes = new int[k];
        for (int g : groups) {
            sizes[g]++;
        }
        return sizes;
    }

    private static int[] membersOf(int[] groups, int c, int size) {
        int[] m = new int[size];
        int k = 0;
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == c) {
                m[k++] = i;
            }
        }
        return m;
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

        /** Random subsets per group for the baseline entropy (default 5). */
        public Builder repetitions(int repetitions) {
            config.set(REPETITIONS, repetitions);
            return this;
        }

        /** Labels (default), input clusters, or both. */
        public Builder against(Against against) {
            config.set(AGAINST, java.util.Objects.requireNonNull(against, "against"));
            return this;
        }

        /** Input clusters to make (default 0: as many as the probe has classes). */
        public Builder clusters(int clusters) {
            config.set(CLUSTERS, clusters);
            return this;
        }

        public DiffusionSpectralMutualInformation build() {
            return new DiffusionSpectralMutualInformation(config.build());
        }
    }
}
