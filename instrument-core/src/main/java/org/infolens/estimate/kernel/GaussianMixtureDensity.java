package org.infolens.estimate.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The one computation behind the kernel bounds: for points t_1..t_N,
 * L(s2) = (1/N) sum_i ln[(1/N) sum_j exp(-||t_i - t_j||^2 / (2 s2))]. Squared distances come from Gram
 * matrices (ND4J GEMM) in row blocks of a few megabytes, so N = 50,000 never builds an N x N matrix
 * and each block's element-wise passes stay in cache. Double precision throughout; the j = i term
 * (distance 0, exp = 1) keeps every inner sum >= 1, so no log-sum-exp shift is needed.
 */
final class GaussianMixtureDensity {

    /** Doubles per block of the distance matrix: 4 MB. */
    private static final long BLOCK_ELEMENTS = 1 << 19;

    private final INDArray points;       // N x d, double
    private final INDArray squaredNorms; // N x 1
    private final long n;

    GaussianMixtureDensity(INDArray points) {
        this.points = points;
        this.n = points.rows();
        this.squaredNorms = points.mul(points).sum(true, 1);
    }

    /** The mean log mixture density L(s2) in nats. */
    double meanLog(double s2) {
        long block = Math.max(1, Math.min(n, BLOCK_ELEMENTS / Math.max(1, n)));
        INDArray transposed = points.transpose();
        INDArray normsRow = squaredNorms.reshape(1, n);
        double total = 0;
        double logN = Math.log(n);
        for (long from = 0; from < n; from += block) {
            long to = Math.min(n, from + block);
            INDArray rows = points.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray exponent = rows.mmul(transposed)                           // t_i . t_j
                    .muli(-2)
                    .addiColumnVector(squaredNorms.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()))
                    .addiRowVector(normsRow)                                      // ||t_i - t_j||^2
                    .muli(-1 / (2 * s2));
            INDArray sums = Transforms.exp(exponent, false).sum(1);
            double[] s = sums.toDoubleVector();
            for (double v : s) {
                total += Math.log(v) - logN;
            }
        }
        return total / n;
    }
}
