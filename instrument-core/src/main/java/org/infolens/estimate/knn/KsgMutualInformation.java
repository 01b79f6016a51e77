package org.infolens.estimate.knn;


import static org.infolens.numeric.SpecialFunctions.digamma;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.Output;
import org.infolens.measure.Unit;

/**
 * Kraskov-Stoegbauer-Grassberger estimator of I(T; Z) for a continuous Z: the probe's inputs X in a
 * run (so I(X;T)), the --inputs file on the command line. Max-norm in the joint and in the
 * marginals, as the algorithm defines it.
 * <ul>
 *   <li>algorithm 1: eps_i = joint distance to the k-th neighbour; n_x(i) = #{j : ||x_j - x_i|| < eps_i};
 *       I = psi(k) + psi(N) - mean[psi(n_x + 1) + psi(n_y + 1)];</li>
 *   <li>algorithm 2: eps_x(i), eps_y(i) = largest marginal distances among the k joint neighbours,
 *       counts with <=; I = psi(k) - 1/k + psi(N) - mean[psi(n_x) + psi(n_y)].</li>
 * </ul>
 * In bits; reported as estimated (negative values are flagged, not clipped). For a deterministic
 * network, the k-NN "I(X;T)" measures the geometry of the map, not information: the record says so.
 */
public final class KsgMutualInformation extends KnnMeasure {

    public static final String NAME = "ksg";
    static final String GEOMETRY_NOTE = "k-NN I(X;T) of a deterministic network measures the geometry of the map, not information";

    public static final Param<Integer> ALGORITHM = Param.integer("algorithm", 1, "KSG's algorithm 1 (counts strictly within the"
            + " joint distance) or 2 (marginal distances, counts <=)").check(a -> a == 1 || a == 2, "1 or 2");
    /**
     * Max-norm distances follow the column of largest scale: integer token ids against unit-scale
     * activations gave 0 for every layer. The reference implementations standardise each variable.
     */
    public static final Param<Boolean> STANDARDIZE = Param.flag("standardize", true, "scale each column of T and Z to mean 0,"
            + " sd 1 before the neighbour search (constant columns left as they are), as the reference implementations do");
    /**
     * Heavy tails and compressing maps (Student-t, the normal CDF) leave KSG far from the truth on the
     * Beyond-Normal tasks; MI is invariant under monotone maps of each column, ranks make them harmless.
     */
    public static final Param<Copula> COPULA = Param.choice("copula", Copula.OFF, "replace each column of T and Z by its ranks"
            + " (ranks) or their normal scores (normal) before the search, which keeps the MI and removes heavy tails and uneven"
            + " scales; off keeps the values");
    public static final ParameterSet PARAMETERS = ParameterSet.of(KnnSettings.K,
            KnnSettings.NORM.check(n -> n == Norm.MAX, "max (KSG is defined with the max-norm)"), KnnSettings.JITTER,
            KnnSettings.SEED, ALGORITHM, STANDARDIZE, COPULA);

    /** The {@code ksg} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "KSG mutual information I(T;Z), Z = the inputs", PARAMETERS, List.of(Output.of("I", "I(T;Z)", Unit.BITS)),
                    KsgMutualInformation::new);
        }
    }

    private final int algorithm;
    private final boolean standardize;
    private final Copula copula;

    public KsgMutualInformation(KnnSettings settings, int algorithm) {
        this(settings, algorithm, STANDARDIZE.defaultValue());
    }

    public KsgMutualInformation(KnnSettings settings, int algorithm, boolean standardize) {
        this(settings, algorithm, standardize, COPULA.defaultValue());
    }

    public KsgMutualInformation(KnnSettings settings, int algorithm, boolean standardize, Copula copula) {
        this(settings.configure(PARAMETERS.builder(NAME)).set(ALGORITHM, algorithm).set(STANDARDIZE, standardize)
                .set(COPULA, copula).build());
    }

    private KsgMutualInformation(Config config) {
        super(NAME, config);
        this.algorithm = config.get(ALGORITHM);
        this.standardize = config.get(STANDARDIZE);
        this.copula = config.get(COPULA);
    }

    @Override
    public String label() {
        return NAME + algorithm + "/" + settings.tag() + (copula == Copula.OFF ? "" : "-" + COPULA.toJson(copula));
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        Activations z = probe.inputs().orElseThrow(() -> new IllegalArgumentException(
                "ksg estimates I(T;Z) with Z the probe's inputs, and this probe carries none"));
        PointSet joint = PointSet.of(values, z).copula(copula);
        joint = (standardize ? joint.standardized() : joint).jittered(settings.jitter(), settings.seed());
        double nats = miNats(joint, values.columns(), settings.k(), algorithm);
        return Knn.mutualInformation("I", nats, Map.of("note", GEOMETRY_NOTE));
    }

    /** I between the first {@code split} columns of {@code joint} and the rest, nats. */
    static double miNats(PointSet joint, int split, int k, int algorithm) {
        int n = joint.rows();
        Knn.checkK(k, n);
        PointSet x = joint.columns(0, split);
        PointSet y = joint.columns(split, joint.dims());
        NeighbourSearch inJoint = NeighbourSearch.over(joint, Norm.MAX);
        NeighbourSearch inX = NeighbourSearch.over(x, Norm.MAX);
        NeighbourSearch inY = NeighbourSearch.over(y, Norm.MAX);
        double sum = 0;
        if (algorithm == 1) {
            double[] eps = inJoint.kthNeighbourDistances(k);
            int[] nx = inX.countWithin(eps, true);
            int[] ny = inY.countWithin(eps, true);
            for (int i = 0; i < n; i++) {
                sum += digamma(nx[i] + 1) + digamma(ny[i] + 1);
            }
            return digamma(k) + digamma(n) - sum / n;
        }
        int[][] nb = inJoint.nearestNeighbours(k);
        double[] ex = new double[n];
        double[] ey = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j : nb[i]) {
                ex[i] = Math.max(ex[i], maxDistance(x, i, j));
                ey[i] = Math.max(ey[i], maxDistance(y, i, j));
            }
        }
        int[] nx = inX.countWithin(ex, false);
        int[] ny = inY.countWithin(ey, false);
        for (int i = 0; i < n; i++) {
            sum += digamma(nx[i]) + digamma(ny[i]);
        }
        return digamma(k) - 1.0 / k + digamma(n) - sum / n;
    }

    private static double maxDistance(PointSet p, int a, int b) {
        double m = 0;
        for (int j = 0; j < p.dims(); j++) {
            m = Math.max(m, Math.abs(p.get(a, j) - p.get(b, j)));
        }
        return m;
    }
}
