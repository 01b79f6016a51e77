package org.infolens.estimate.spectral;

import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.numeric.Pca;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Eigenvalues of the covariance of a layer's centred activations (the squared singular values of
 * the centred N x d matrix, over N): from the d x d covariance when d <= N, else from the N x N Gram
 * matrix, which has the same non-zero eigenvalues. One GEMM and LAPACK values only; rounding
 * negatives are set to 0.
 */
final class CovarianceSpectrum {

    private CovarianceSpectrum() {
    }

    static double[] eigenvalues(LayerId layer, Activations a) {
        int n = a.rows();
        int d = a.columns();
        if (n < 2) {
            throw new IllegalArgumentException("layer " + layer.describe() + " has " + n + " probe row(s): a covariance needs at least 2");
        }
        double[] centred = Pca.centredRows(a, new double[d]);
        INDArray x = Nd4j.create(centred, new long[] {n, d}, DataType.DOUBLE);
        INDArray gram = (d <= n ? x.transpose().mmul(x) : x.mmul(x.transpose())).divi(n).dup('c');
        double[] lambda = SymmetricEigenvalues.destructive(gram);
        double largest = 0;
        for (double l : lambda) {
            largest = Math.max(largest, l);
        }
        if (!(largest > 0)) {
            throw new IllegalArgumentException("layer " + layer.describe() + " is constant on the probe: its covariance is 0");
        }
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = Math.max(lambda[i], 0);
        }
        return lambda;
    }
}
