package org.infolens.estimate.spectral;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.numeric.RandomRows;

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
public final class DiffusionSpectralMutualInformation implements Measure {

    public static final String NAME = "dsmi";

    /** What the rows are grouped by. */
    public enum Against {
        LABELS, INPUTS, BOTH;

        String parameterValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean labels() {
            return this != INPUTS;
        }

        boolean inputs() {
            return this != LABELS;
        }
    }

    private final DiffusionSettings settings;
    private final int repetitions;
    private final Against against;
    private final int clusters; // 0: as many as the probe has classes

    private Probe clusteredProbe; // the probe whose inputs were clustered (one per run)
    private int[] inputClusters;

    private DiffusionSpectralMutualInformation(Builder b) {
        this.settings = b.settings();
        this.repetitions = b.repetitions;
        this.against = b.against;
        this.clusters = b.clusters;
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
        return NAME + "/" + against.parameterValue() + "-" + settings.label();
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("against", against.parameterValue());
        p.put("repetitions", repetitions);
        p.put("clusters", clusters);
        p.putAll(settings.parameters());
        return p;
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        DiffusionSettings.requireRows(layer, values);
        int n = values.rows();
        int d = values.columns();
        if (against.labels() && !probe.hasLabels()) {
            throw new IllegalArgumentException("dsmi against=" + against.parameterValue() + " needs class labels; the probe has none");
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
                    "dsmi against=" + against.parameterValue() + " needs the probe's inputs (Probe.withInputs, or --inputs)"));
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

    @Override
    public String toString() {
        return "DiffusionSpectralMutualInformation" + parameters();
    }

    /** Configuration; {@link #build()} validates. */
    public static final class Builder extends DiffusionBuilder<Builder> {
        private int repetitions = 5;
        private Against against = Against.LABELS;
        private int clusters = 0;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** Random subsets per group for the baseline entropy (default 5). */
        public Builder repetitions(int repetitions) {
            this.repetitions = repetitions;
            return this;
        }

        /** Labels (default), input clusters, or both. */
        public Builder against(Against against) {
            this.against = java.util.Objects.requireNonNull(against, "against");
            return this;
        }

        /** Input clusters to make (default 0: as many as the probe has classes). */
        public Builder clusters(int clusters) {
            this.clusters = clusters;
            return this;
        }

        public DiffusionSpectralMutualInformation build() {
            if (repetitions < 1) {
                throw new IllegalArgumentException("dsmi needs repetitions >= 1, got " + repetitions);
            }
            if (clusters < 0) {
                throw new IllegalArgumentException("dsmi needs clusters >= 0 (0 = as many as classes), got " + clusters);
            }
            if (clusters > 0 && !against.inputs()) {
                throw new IllegalArgumentException("clusters applies to against=inputs or both, not against=labels");
            }
            return new DiffusionSpectralMutualInformation(this);
        }
    }
}
