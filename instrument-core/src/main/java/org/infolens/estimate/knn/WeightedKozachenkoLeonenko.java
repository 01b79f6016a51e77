package org.infolens.estimate.knn;

import static org.infolens.numeric.SpecialFunctions.digamma;
import static org.infolens.numeric.SpecialFunctions.lnGamma;


/**
 * The weighted Kozachenko-Leonenko entropy of Berrett, Samworth and Yuan (2019), as Butakov et al.
 * (2024) use it: H_w = sum_j w_j H_j over the plain estimates H_j with the j-th neighbour, the
 * weights chosen (least norm) so that the leading bias terms cancel: sum_j w_j = 1 and
 * sum_j w_j Gamma(j + 2l/d) / Gamma(j) = 0 for l = 1..floor(d/4), w_j = 0 off the support
 * {floor(i k / d) : i = 1..d}. In d <= 4 the plain estimate with k = 1 (their choice). Euclidean
 * distances; nats.
 */
public final class WeightedKozachenkoLeonenko {

    private WeightedKozachenkoLeonenko() {
    }

    /** Entropy of a point set in nats; {@code k} is the largest neighbour used (5 in their work). */
    public static double entropyNats(PointSet points, int k) {
        int n = points.rows();
        int d = points.dims();
        int kUsed = d <= 4 ? 1 : k;
        Knn.checkK(kUsed, n);
        double[] w = weights(kUsed, d);
        double[][] r = NeighbourSearch.over(points, Norm.EUCLIDEAN).neighbourDistances(kUsed);
        double logV = Norm.EUCLIDEAN.logUnitBallVolume(d);
        double h = 0;
        for (int j = 1; j <= kUsed; j++) {
            if (w[j - 1] == 0) {
                continue;
            }
            double sumLog = 0;
            for (double[] ri : r) {
                if (!(ri[j - 1] > 0)) {
                    throw new IllegalArgumentException("a point's " + j + "-th neighbour is at distance 0 (repeated points); use jitter > 0");
                }
                sumLog += Math.log(ri[j - 1]);
            }
            h += w[j - 1] * (digamma(n) - digamma(j) + logV + d * sumLog / n);
        }
        return h;
    }

    /** The weights w_1..w_k for dimension d (plain estimate with k when no constraint applies). */
    static double[] weights(int k, int d) {
        int constraints = d / 4;
        double[] w = new double[k];
        if (constraints == 0 || k == 1) {
            w[k - 1] = 1;
            return w;
        }
        boolean[] support = new boolean[k + 1];
        for (int i = 1; i <= d; i++) {
            int j = (int) Math.floor((double) i * k / d);
            if (j >= 1) {
                support[j] = true;
            }
        }
        int[] js = java.util.stream.IntStream.rangeClosed(1, k).filter(j -> support[j]).toArray();
        int rows = 1 + constraints;
        double[][] a = new double[rows][js.length];
        double[] b = new double[rows];
        b[0] = 1;
        for (int c = 0; c < js.length; c++) {
            a[0][c] = 1;
            for (int l = 1; l <= constraints; l++) {
                a[l][c] = Math.exp(lnGamma(js[c] + 2.0 * l / d) - lnGamma(js[c]));
            }
        }
        // Least-norm solution of A w = b. The rows of A are nearly parallel (Gamma ratios grow alike),
        // so orthonormalise them (A = L Q, Gram-Schmidt run twice) rather than form A A^T.
        double[][] q = new double[rows][];
        double[][] lower = new double[rows][rows];
        for (int i = 0; i < rows; i++) {
            double[] v = a[i].clone();
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < i; j++) {
                    double dot = 0;
                    for (int c = 0; c < v.length; c++) {
                        dot += v[c] * q[j][c];
                    }
                    lower[i][j] += dot;
                    for (int c = 0; c < v.length; c++) {
                        v[c] -= dot * q[j][c];
                    }
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            lower[i][i] = norm;
            for (int c = 0; c < v.length; c++) {
                v[c] /= norm;
            }
            q[i] = v;
        }
        double[] y = new double[rows]; // L y = b, then w = Q^T y
        for (int i = 0; i < rows; i++) {
            double r = b[i];
            for (int j = 0; j < i; j++) {
                r -= lower[i][j] * y[j];
            }
            y[i] = r / lower[i][i];
        }
        for (int c = 0; c < js.length; c++) {
            double v = 0;
            for (int i = 0; i < rows; i++) {
                v += q[i][c] * y[i];
            }
            w[js[c] - 1] = v;
        }
        return w;
    }
}
