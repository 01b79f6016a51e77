package org.infolens.estimate.spectral;

import java.util.SplittableRandom;
import org.infolens.data.Activations;
import org.infolens.numeric.Pca;

/**
 * Clusters of the probe's inputs for DSMI(Z; X): k-means++ (seeded; the best of {@value #RESTARTS}
 * starts by within-cluster sum of squares, at most {@value #MAX_ITERATIONS} Lloyd iterations) on the
 * inputs' leading {@value #EMBEDDING_DIMS} principal components. The authors cluster spectrally; a
 * spectral embedding needs the eigenvectors of an N x N kernel (O(N^3), once per run), where PCA
 * needs a d x d covariance, and on image inputs both separate the same coarse groups. Computed once
 * per run and reused at every epoch, so the clusters never move with training.
 */
final class InputClustering {

    static final int EMBEDDING_DIMS = 32;
    static final int RESTARTS = 4;
    static final int MAX_ITERATIONS = 100;

    private InputClustering() {
    }

    /** A cluster index in 0..k-1 for every row of {@code x}. */
    static int[] cluster(Activations x, int k, long seed) {
        int n = x.rows();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("cannot make " + k + " clusters of " + n + " inputs");
        }
        Pca pca = Pca.fit(x, Math.min(EMBEDDING_DIMS, x.columns()));
        int m = pca.components();
        if (m == 0) {
            return new int[n]; // every input the same: one cluster
        }
        double[] e = pca.project(x);
        SplittableRandom random = new SplittableRandom(seed);
        int[] best = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        for (int r = 0; r < RESTARTS; r++) {
            int[] labels = new int[n];
            double inertia = lloyd(e, n, m, seeds(e, n, m, k, random), labels);
            if (inertia < bestInertia) {
                bestInertia = inertia;
                best = labels;
            }
        }
        return best;
    }

    /** k-means++ seeding: each next centre drawn with probability proportional to D(x)^2. */
    private static double[][] seeds(double[] e, int n, int m, int k, SplittableRandom random) {
        double[][] centres = new double[k][];
        centres[0] = row(e, random.nextInt(n), m);
        double[] d2 = new double[n];
        java.util.Arrays.fill(d2, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                d2[i] = Math.min(d2[i], squaredDistance(e, i, centres[c - 1], m));
                total += d2[i];
            }
            int chosen = random.nextInt(n); // all points on the centres already: any will do
            if (total > 0) {
                double u = random.nextDouble() * total;
                for (int i = 0; i < n; i++) {
                    u -= d2[i];
                    if (u <= 0) {
                        chosen = i;
                        break;
                    }
                }
            }
            centres[c] = row(e, chosen, m);
        }
        return centres;
    }

    /** Lloyd iterations from {@code centres}; fills {@code labels}; returns the within-cluster sum of squares. */
    private static double lloyd(double[] e, int n, int m, double[][] centres, int[] labels) {
        int k = centres.length;
        double inertia = Double.POSITIVE_INFINITY;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            boolean changed = it == 0;
            inertia = 0;
            for (int i = 0; i < n; i++) {
                int nearest = 0;
                double best = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double dist = squaredDistance(e, i, centres[c], m);
                    if (dist < best) {
                        best = dist;
                        nearest = c;
                    }
                }
                changed |= labels[i] != nearest;
                labels[i] = nearest;
                inertia += best;
            }
            if (!changed) {
                break;
            }
            double[][] sums = new double[k][m];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                counts[labels[i]]++;
                for (int j = 0; j < m; j++) {
                    sums[labels[i]][j] += e[i * m + j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) { // an emptied cluster keeps its centre
                    for (int j = 0; j < m; j++) {
                        centres[c][j] = sums[c][j] / counts[c];
                    }
                }
            }
        }
        return inertia;
    }

    private static double[] row(double[] e, int i, int m) {
        return java.util.Arrays.copyOfRange(e, i * m, (i + 1) * m);
    }

    private static double squaredDistance(double[] e, int i, double[] centre, int m) {
        double s = 0;
        for (int j = 0; j < m; j++) {
            double diff = e[i * m + j] - centre[j];
            s += diff * diff;
        }
        return s;
    }
}
