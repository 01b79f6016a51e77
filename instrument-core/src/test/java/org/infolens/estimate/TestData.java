package org.infolens.estimate;

import java.util.Random;
import org.infolens.data.Activations;
import org.infolens.data.Probe;

/** Seeded data with known information quantities, for the estimator tests. */
public final class TestData {

    private TestData() {
    }

    /** A layer T and a probe (labels, optional inputs Z) to estimate on. */
    public record Case(Activations t, Probe probe) {
    }

    /** n draws of a zero-mean Gaussian vector with covariance {@code cov} (rows of the result). */
    public static double[][] gaussian(int n, double[][] cov, long seed) {
        int d = cov.length;
        double[][] l = cholesky(cov);
        Random rnd = new Random(seed);
        double[][] out = new double[n][d];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[j] = rnd.nextGaussian();
            }
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int b = 0; b <= a; b++) {
                    s += l[a][b] * z[b];
                }
                out[i][a] = s;
            }
        }
        return out;
    }

    /** Columns [from, to) of rows. */
    public static double[][] columns(double[][] rows, int from, int to) {
        double[][] out = new double[rows.length][to - from];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], from, out[i], 0, to - from);
        }
        return out;
    }

    /** T = the first dT coordinates, Z = the rest, of a Gaussian with covariance cov; labels all 0. */
    public static Case gaussianPair(int n, double[][] cov, int dT, long seed) {
        double[][] g = gaussian(n, cov, seed);
        Activations t = Activations.ofRows(columns(g, 0, dT));
        Activations z = Activations.ofRows(columns(g, dT, cov.length));
        return new Case(t, Probe.of(new int[n]).withInputs(z));
    }

    /** Exact I between the first dT coordinates and the rest of a Gaussian, nats: 1/2 ln(|S_T| |S_Z| / |S|). */
    public static double gaussianMutualInformationNats(double[][] cov, int dT) {
        int d = cov.length;
        return 0.5 * (Math.log(det(block(cov, 0, dT))) + Math.log(det(block(cov, dT, d))) - Math.log(det(cov)));
    }

    /** Exact differential entropy of a Gaussian, nats: 1/2 ln((2 pi e)^d |S|). */
    public static double gaussianEntropyNats(double[][] cov) {
        return 0.5 * (cov.length * Math.log(2 * Math.PI * Math.E) + Math.log(det(cov)));
    }

    /** A d x d correlation matrix with every off-diagonal entry r: the canonical dense structure. */
    public static double[][] equicorrelated(int d, double r) {
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c[i][j] = i == j ? 1 : r;
            }
        }
        return c;
    }

    /** The bivariate covariance [[1, rho], [rho, 1]]. */
    public static double[][] bivariate(double rho) {
        return new double[][] {{1, rho}, {rho, 1}};
    }

    public static int[] uniformLabels(int n, int classes, long seed) {
        Random rnd = new Random(seed);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(classes);
        }
        return y;
    }

    public static double entropyBits(int[] y) {
        java.util.Map<Integer, Integer> c = new java.util.HashMap<>();
        for (int v : y) {
            c.merge(v, 1, Integer::sum);
        }
        double h = 0;
        for (int k : c.values()) {
            double p = (double) k / y.length;
            h -= p * Math.log(p);
        }
        return h / Math.log(2);
    }

    private static double[][] block(double[][] m, int from, int to) {
        double[][] b = new double[to - from][to - from];
        for (int i = from; i < to; i++) {
            System.arraycopy(m[i], from, b[i - from], 0, to - from);
        }
        return b;
    }

    static double det(double[][] m) {
        double[][] l = cholesky(m);
        double d = 1;
        for (int i = 0; i < l.length; i++) {
            d *= l[i][i] * l[i][i];
        }
        return d;
    }

    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        return l;
    }
}
