package org.infolens.estimate.knn;


import static org.infolens.numeric.SpecialFunctions.digamma;
import java.util.LinkedHashMap;
import java.util.Map;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;

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

    private final int algorithm;

    public KsgMutualInformation(KnnSettings settings, int algorithm) {
        super(NAME, settings);
        if (algorithm != 1 && algorithm != 2) {
            throw new IllegalArgumentException("KSG has algorithms 1 and 2, got " + algorithm);
        }
        if (settings.norm() != Norm.MAX) {
            throw new IllegalArgumentException("KSG is defined with the max-norm");
        }
        this.algorithm = algorithm;
    }

    @Override
    public String label() {
        return NAME + algorithm + "/" + settings.tag();
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>(settings.parameters());
        p.put("algorithm", algorithm);
        return p;
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Activations z = probe.inputs().orElseThrow(() -> new IllegalArgumentException(
                "ksg estimates I(T;Z) with Z the probe's inputs, and this probe carries none"));
        PointSet joint = PointSet.of(values, z).jittered(settings.jitter(), settings.seed());
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
