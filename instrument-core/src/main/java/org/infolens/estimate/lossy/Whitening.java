package org.infolens.estimate.lossy;

/**
 * Decorrelates codes to unit covariance (z = L^-1 (x - mean), with L L^T the covariance), as the
 * lossy estimator does before its entropy estimates; remembers ln |det L|, the entropy the
 * transformation took away. Differences of entropies of the same variable do not depend on it.
 */
final class Whitening {

    private final double[] mean;
    private final double[][] lower; // Cholesky factor of the covariance
    private final double logDet;    // ln |det L|

    private Whitening(double[] mean, double[][] lower) {
        this.mean = mean;
        this.lower = lower;
        double ld = 0;
        for (int i = 0; i < lower.length; i++) {
            ld += Math.log(lower[i][i]);
        }
        this.logDet = ld;
    }

    /** The whitening of row-major codes (n x m); throws when their covariance is singular. */
    static Whitening fit(double[] codes, int n, int m) {
        double[] mean = new double[m];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < m; j++) {
                mean[j] += codes[r * m + j] / n;
            }
        }
        double[][] cov = new double[m][m];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < m; i++) {
                double a = codes[r * m + i] - mean[i];
                for (int j = 0; j <= i; j++) {
                    cov[i][j] += a * (codes[r * m + j] - mean[j]) / n;
                }
            }
        }
        double[][] l = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = cov[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalArgumentException("the codes' covariance is singular: the compressed layer has fewer than "
                                + m + " independent directions");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return new Whitening(mean, l);
    }

    /** Whitened copies of row-major codes (n x m). */
    double[] apply(double[] codes, int n) {
        int m = mean.length;
        double[] out = new double[n * m];
        double[] x = new double[m];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < m; j++) {
                x[j] = codes[r * m + j] - mean[j];
            }
            for (int i = 0; i < m; i++) { // forward substitution: L z = x
                double s = x[i];
                for (int k = 0; k < i; k++) {
                    s -= lower[i][k] * out[r * m + k];
                }
                out[r * m + i] = s / lower[i][i];
            }
        }
        return out;
    }

    /** ln |det L|: H(codes) = H(whitened) + this. */
    double logDeterminant() {
        return logDet;
    }
}
