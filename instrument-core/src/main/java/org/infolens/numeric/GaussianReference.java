package org.infolens.numeric;

import java.util.Random;

/**
 * Gaussian ground truth for checking estimators: seeded samples of a multivariate normal, and its
 * exact entropy and mutual information. Used by the tests and by {@code bench accuracy}.
 */
public final class GaussianReference {

    private GaussianReference() {
    }

    /** n draws of a zero-mean Gaussian vector with covariance {@code cov}, one per row. */
    public static double[][] sample(int n, double[][] cov, long seed) {
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

    /** Exact I between the first dT coordinates and the rest, nats: 1/2 ln(|S_T| |S_Z| / |S|). */
    public static double mutualInformationNats(double[][] cov, int dT) {
        int d = cov.length;
        return 0.5 * (Math.log(det(block(cov, 0, dT))) + Math.log(det(block(cov, dT, d))) - Math.log(det(cov)));
    }

    /** Exact differential entropy, nats: 1/2 ln((2 pi e)^d |S|). */
    public static double entropyNats(double[][] cov) {
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

    private static double[][] block(double[][] m, int from, int to) {
        double[][] b = new double[to - from][to - from];
        for (int i = from; i < to; i++) {
            System.arraycopy(m[i], from, b[i - from], 0, to - from);
        }
        return b;
    }

    private static double det(double[][] m) {
        double[][] l = cholesky(m);
        double d = 1;
        for (int i = 0; i < l.length; i++) {
            d *= l[i][i] * l[i][i];
        }
        return d;
    }

    private static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j && !(s > 0)) {
                    throw new IllegalArgumentException("covariance is not positive definite");
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        return l;
    }
}
