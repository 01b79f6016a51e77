package org.infolens.estimate.knn;


import static org.infolens.numeric.SpecialFunctions.digamma;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infolens.config.Config;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.Output;
import org.infolens.measure.Quantity;

/**
 * Ross's estimator of I(T;Y) for a multi-dimensional continuous T and a discrete Y (2014): for each
 * point, r_i = distance to its k_l-th neighbour within its class (k_l = min(k, N_l - 1)), m_i = points of
 * all classes strictly within r_i, itself included; I = psi(N) + mean psi(k_i) - mean psi(N_{y_i})
 * - mean psi(m_i). Classes with one member are dropped (the record says how many rows). Bits; not
 * clipped at 0.
 */
public final class RossMutualInformation extends KnnMeasure {

    public static final String NAME = "ross";

    /** The {@code ross} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "Ross's I(T;Y) for continuous T and discrete Y", KnnSettings.PARAMETERS, List.of(Output.bits(Quantity.I_TY)),
                    RossMutualInformation::new);
        }
    }

    public RossMutualInformation(KnnSettings settings) {
        this(settings.configure(KnnSettings.PARAMETERS.builder(NAME)).build());
    }

    private RossMutualInformation(Config config) {
        super(NAME, config);
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        if (!probe.hasLabels()) {
            throw new IllegalArgumentException("ross estimates I(T;Y) and needs the probe's labels");
        }
        int[] y = probe.labels();
        int[] classSize = new int[probe.classes()];
        for (int label : y) {
            classSize[label]++;
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (classSize[y[i]] > 1) {
                kept.add(i);
            }
        }
        int n = kept.size();
        if (n < 2) {
            throw new IllegalArgumentException("ross needs classes with at least 2 rows; layer " + layer.describe()
                    + " has " + n + " such rows");
        }
        int[] rows = kept.stream().mapToInt(Integer::intValue).toArray();
        PointSet all = PointSet.of(values).jittered(settings.jitter(), settings.seed()).subset(rows);
        double[] radius = new double[n];
        double sumDigammaK = 0;
        double sumDigammaClass = 0;
        for (int c = 0; c < classSize.length; c++) {
            if (classSize[c] < 2) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (y[rows[i]] == c) {
                    members.add(i);
                }
            }
            int[] m = members.stream().mapToInt(Integer::intValue).toArray();
            int kc = Math.min(settings.k(), m.length - 1);
            double[] r = NeighbourSearch.over(all.subset(m), settings.norm()).kthNeighbourDistances(kc);
            for (int j = 0; j < m.length; j++) {
                radius[m[j]] = r[j];
            }
            sumDigammaK += m.length * digamma(kc);
            sumDigammaClass += m.length * digamma(m.length);
        }
        int[] within = NeighbourSearch.over(all, settings.norm()).countWithin(radius, true);
        double sumDigammaM = 0;
        for (int w : within) {
            sumDigammaM += digamma(w + 1); // + the point itself
        }
        double nats = digamma(n) + sumDigammaK / n - sumDigammaClass / n - sumDigammaM / n;
        return Knn.mutualInformation("I_TY", nats, Map.of("rowsUsed", n, "rowsDropped", y.length - n));
    }
}
