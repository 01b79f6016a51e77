package org.infolens.estimate.spectral;

import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The diffusion operator of Liao et al.: G_ij = exp(-||z_i - z_j||^2 / (2 sigma^2)) on the rows of Z
 * (self-loops kept, no sparsification, Z neither centred nor scaled), normalised symmetrically,
 * K = D^-1/2 G D^-1/2 with D the row sums of G; squared distances as |a|^2 + |b|^2 - 2 a.b, as the
 * reference computes them. The N x N matrix is the only large allocation.
 *
 * <p>In double precision (exact spectra) the Gram matrix's lower triangle comes from one dsyrk of the system OpenBLAS
 * that also computes the eigenvalues (half a GEMM's flops, at that library's own kernel), or from an ND4J GEMM where
 * there is none, and the kernel is built in place by passes over that triangle ({@link LowerKernel}): N^2/2
 * exponentials instead of N^2. In single precision (stochastic Lanczos quadrature) by an ND4J GEMM and element-wise ops.
 *
 * @param matrix K, N x N, in the precision asked for
 * @param sigma  the bandwidth used
 */
public record DiffusionKernel(INDArray matrix, double sigma) {

    /** K of the n x d row-major points {@code z}, in {@code type} (DOUBLE for exact spectra). */
    public static DiffusionKernel of(double[] z, int n, int d, Bandwidth bandwidth, DataType type) {
        if (type == DataType.DOUBLE) {
            LowerKernel k = LowerKernel.distances(z, n, d, SymmetricEigenvalues.system());
            double sigma = width(bandwidth, d, k::medianDistance);
            k.normalise(sigma);
            return new DiffusionKernel(k.matrix(), sigma);
        }
        INDArray d2 = squaredDistances(z, n, d, type);
        double sigma = width(bandwidth, d, () -> medianDistance(upperTriangle(d2.data(), n), n));
        INDArray g = Transforms.exp(d2.muli(-1.0 / (2 * sigma * sigma)), false);
        INDArray inverseRoot = Transforms.pow(g.sum(true, 1), -0.5, false); // n x 1, row sums >= 1 (self-loops)
        g.muliColumnVector(inverseRoot).muliRowVector(inverseRoot.transpose());
        return new DiffusionKernel(g, sigma);
    }

    private static double width(Bandwidth bandwidth, int d, DoubleSupplier median) {
        return switch (bandwidth.rule()) {
            case FIXED -> bandwidth.fixed();
            case SQRT_D -> Math.sqrt(d);
            case MEDIAN -> requirePositiveMedian(median.getAsDouble());
        };
    }

    /**
     * The rule resolved to a fixed width on these points, so that subsets (DSMI's clusters) share the
     * width of the whole probe.
     */
    public static Bandwidth resolve(double[] z, int n, int d, Bandwidth bandwidth) {
        if (bandwidth.rule() == Bandwidth.Rule.FIXED) {
            return bandwidth;
        }
        return Bandwidth.fixed(width(bandwidth, d, () -> {
            LowerKernel d2 = LowerKernel.distances(z, n, d, SymmetricEigenvalues.system());
            double median = d2.medianDistance();
            d2.matrix().close();
            return median;
        }));
    }

    private static double requirePositiveMedian(double median) {
        if (!(median > 0)) {
            throw new IllegalArgumentException("the median distance between rows is 0 (at least half the pairs are identical rows): "
                    + "no kernel width; give sigma a value");
        }
        return median;
    }

    /** max(|a|^2 + |b|^2 - 2 a.b, 0) for every pair of rows, by one GEMM. */
    private static INDArray squaredDistances(double[] z, int n, int d, DataType type) {
        INDArray points = Nd4j.create(z, new long[] {n, d}, DataType.DOUBLE).castTo(type);
        INDArray squares = points.mul(points).sum(true, 1); // n x 1
        INDArray d2 = points.mmul(points.transpose()).muli(-2);
        d2.addiColumnVector(squares).addiRowVector(squares.transpose());
        return Transforms.max(d2, 0.0, false);
    }

    /** The strictly upper triangle of the n x n row-major {@code d2}. */
    private static PairDistances upperTriangle(DataBuffer d2, int n) {
        return action -> {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    action.accept(d2.getDouble((long) i * n + j));
                }
            }
        };
    }

    /** The squared distances of every pair of distinct rows, in any order, handed one by one to an action. */
    interface PairDistances {
        void forEach(DoubleConsumer action);
    }

    /**
     * The median of the distances between the n(n-1)/2 pairs of distinct rows (numpy's median: the mean
     * of the two middle values when the count is even), from their squared distances, without
     * copying them: a histogram pass finds the buckets that hold the middle ranks, a second pass sorts
     * only those buckets.
     */
    static double medianDistance(PairDistances d2, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("a median distance needs 2 rows, got " + n);
        }
        long pairs = (long) n * (n - 1) / 2;
        double[] largest = {0};
        d2.forEach(v -> largest[0] = Math.max(largest[0], v));
        double max = largest[0];
        if (max == 0) {
            return 0;
        }
        int buckets = 1 << 16;
        double scale = (buckets - 1) / max;
        long[] counts = new long[buckets];
        d2.forEach(v -> counts[(int) (v * scale)]++);
        long low = (pairs - 1) / 2;
        long high = pairs / 2;
        int first = -1;
        long before = 0; // pairs in buckets below 'first'
        long seen = 0;
        int last = -1;
        for (int b = 0; b < buckets && last < 0; b++) {
            if (first < 0 && seen + counts[b] > low) {
                first = b;
                before = seen;
            }
            if (seen + counts[b] > high) {
                last = b;
            }
            seen += counts[b];
        }
        long inRange = 0;
        for (int b = first; b <= last; b++) {
            inRange += counts[b];
        }
        double[] candidates = new double[Math.toIntExact(inRange)];
        int[] k = {0};
        int lowest = first;
        int highest = last;
        d2.forEach(v -> {
            int b = (int) (v * scale);
            if (b >= lowest && b <= highest) {
                candidates[k[0]++] = v;
            }
        });
        java.util.Arrays.sort(candidates);
        return (Math.sqrt(candidates[(int) (low - before)]) + Math.sqrt(candidates[(int) (high - before)])) / 2;
    }

    /** The rows of {@code rows} selected from the n x d row-major {@code z}. */
    static double[] selectRows(double[] z, int d, int[] rows) {
        double[] out = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(z, rows[i] * d, out, i * d, d);
        }
        return out;
    }
}
