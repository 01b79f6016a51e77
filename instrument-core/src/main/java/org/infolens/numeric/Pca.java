package org.infolens.numeric;

import org.infolens.data.Activations;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Principal components of a matrix's rows: the covariance by ND4J GEMM, its eigenvectors by LAPACK
 * (syev); projections onto the leading ones. Components with no variance (a rank-deficient layer)
 * are dropped, so the codes never have a singular covariance.
 */
public final class Pca {

    private final double[] mean;     // d
    private final double[][] basis;  // kept components x d, largest variance first

    private Pca(double[] mean, double[][] basis) {
        this.mean = mean;
        this.basis = basis;
    }

    /** Up to {@code components} leading principal components of the rows of {@code a}. */
    public static Pca fit(Activations a, int components) {
        int n = a.rows();
        int d = a.columns();
        double[] mean = new double[d];
        double[] v = centredRows(a, mean);
        INDArray x = Nd4j.create(v, new long[] {n, d}, DataType.DOUBLE);
        INDArray cov = x.transpose().mmul(x).divi(n);
        INDArray eigenvalues = Eigen.symmetricGeneralizedEigenvalues(cov, true); // ascending; cov now holds the vectors
        double largest = eigenvalues.getDouble(d - 1);
        int kept = 0;
        double[][] basis = new double[Math.min(components, d)][];
        for (int c = 0; c < basis.length; c++) {
            double lambda = eigenvalues.getDouble(d - 1 - c);
            if (!(lambda > 1e-12 * largest) || !(largest > 0)) {
                break;
            }
            basis[kept++] = cov.getColumn(d - 1 - c).toDoubleVector();
        }
        return new Pca(mean, java.util.Arrays.copyOf(basis, kept));
    }

    /** The rows of {@code a} minus their column means (written to {@code mean}), row-major doubles. */
    public static double[] centredRows(Activations a, double[] mean) {
        int n = a.rows();
        int d = a.columns();
        double[] v = new double[n * d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                v[r * d + j] = a.get(r, j);
                mean[j] += v[r * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                v[r * d + j] -= mean[j];
            }
        }
        return v;
    }

    public int components() {
        return basis.length;
    }

    /** The codes of {@code a}'s rows, row-major, N x components. */
    public double[] project(Activations a) {
        int n = a.rows();
        int d = a.columns();
        int m = basis.length;
        double[] out = new double[n * m];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < m; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (a.get(r, j) - mean[j]) * basis[c][j];
                }
                out[r * m + c] = s;
            }
        }
        return out;
    }
}
