package org.infolens.estimate.kernel;

import java.nio.DoubleBuffer;
import java.util.Random;
import org.infolens.estimate.Parallel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The one computation behind the kernel bounds: for points t_1..t_N,
 * L(s2) = (1/N) sum_i ln[(1/N) sum_j exp(-||t_i - t_j||^2 / (2 s2))], in double, never holding an
 * N x N matrix (row blocks of a few megabytes, ND4J GEMM into a reused buffer).
 *
 * <p>Each inner sum is at least 1 (its j = i term), so a term with ||t_i - t_j||^2 > 2 s2 (ln N + 32.2)
 * is below 1e-14 / N of it, and all such terms together change L by less than 1e-14: they are left
 * out. In many dimensions, which pairs may matter is decided on a projection onto 64 orthonormal
 * directions (a randomised range finder, close to the leading right-singular subspace): a projected
 * distance is a lower bound of the distance, so pairs beyond the cutoff there are beyond it in
 * full; the few others get their exact distance. Where the projection prunes too little (few
 * dimensions, or points close together), the Gram matrix of the points themselves is used, as the
 * reference implementation computes it.
 */
final class GaussianMixtureDensity {

    /** Doubles per block of the pair matrix: 16 MB (thin GEMMs run faster in larger blocks). */
    private static final long BLOCK_ELEMENTS = 1 << 21;
    /** Directions of the pruning projection; layers this narrow or narrower use their own coordinates. */
    static final int PROJECTION_DIMS = 64;
    /** ln(1e14): left-out terms sum to below 1e-14 of each inner sum. */
    private static final double TAIL = 14 * Math.log(10);
    /** Above this share of candidate pairs the projection no longer pays. */
    private static final double MAX_CANDIDATE_SHARE = 0.3;

    private final double[] x; // N x d, row-major
    private final int n;
    private final int d;
    private final Space exact;
    private INDArray basis;   // d x 64 orthonormal pruning directions, built on first need, shared by subsets
    private Space projected;

    /** Coordinates that drive the Gram blocks, their squared norms, and whether distances there are only lower bounds. */
    private record Space(INDArray coordinates, double[] squaredNorms, boolean lowerBound) {
    }

    GaussianMixtureDensity(double[] rowMajor, int n, int d) {
        this.x = rowMajor;
        this.n = n;
        this.d = d;
        this.exact = space(Nd4j.create(rowMajor, new long[] {n, d}, DataType.DOUBLE), false);
    }

    /** The mixture over some of the rows (a class), pruning with this mixture's directions. */
    GaussianMixtureDensity subset(int[] rows) {
        double[] v = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * d, v, i * d, d);
        }
        GaussianMixtureDensity sub = new GaussianMixtureDensity(v, rows.length, d);
        sub.basis = d > PROJECTION_DIMS ? basis() : null;
        return sub;
    }

    /** The mean log mixture density L(s2) in nats. */
    double meanLog(double s2) {
        double cutoff = 2 * s2 * (Math.log(n) + TAIL);
        int block = (int) Math.max(1, Math.min(n, BLOCK_ELEMENTS / n));
        Space s = exact;
        if (d > PROJECTION_DIMS && n > 1) {
            if (projected == null) {
                INDArray coordinates = Nd4j.create(DataType.DOUBLE, n, PROJECTION_DIMS);
                Nd4j.gemm(exact.coordinates, basis(), coordinates, false, false, 1.0, 0.0);
                projected = space(coordinates, true);
            }
            if (candidateShare(projected, block, cutoff) <= MAX_CANDIDATE_SHARE) {
                s = projected;
            }
        }
        return sumLogDensities(s, s2, cutoff, block) / n;
    }

    /** Share of pairs among the first rows that the space leaves as candidates. */
    private double candidateShare(Space s, int block, double cutoff) {
        DoubleBuffer g = new GramBlocks(s, block).rows(0, block);
        long candidates = 0;
        for (int i = 0; i < block; i++) {
            for (int j = 0; j < n; j++) {
                candidates += s.squaredNorms[i] + s.squaredNorms[j] - 2 * g.get(i * n + j) <= cutoff ? 1 : 0;
            }
        }
        return (double) candidates / ((long) block * n);
    }

    private double sumLogDensities(Space s, double s2, double cutoff, int block) {
        GramBlocks blocks = new GramBlocks(s, block);
        double logN = Math.log(n);
        double total = 0;
        double[] logs = new double[block];
        double[] g = new double[block * n];
        double[] halfNorms = new double[n];
        for (int j = 0; j < n; j++) {
            halfNorms[j] = s.squaredNorms[j] / 2;
        }
        for (int from = 0; from < n; from += block) {
            int to = Math.min(n, from + block);
            blocks.rows(from, to).get(g, 0, (to - from) * n); // one bulk copy out of native memory
            int start = from;
            Parallel.forChunks(to - from, Parallel.chunks(to - from, (long) (to - from) * n), (chunk, lo, hi) -> {
                for (int r = lo; r < hi; r++) {
                    int i = start + r;
                    double sum = 0;
                    double si = s.squaredNorms[i];
                    double floor = (si - cutoff) / 2; // dist <= cutoff  <=>  t_i.t_j >= floor + x2_j / 2 (up to rounding)
                    int row = r * n;
                    for (int j = 0; j < n; j++) {
                        double gij = g[row + j];
                        if (gij >= floor + halfNorms[j]) {
                            double dist = s.lowerBound ? squaredDistance(i, j)
                                    : si + s.squaredNorms[j] - 2 * gij; // as the reference: x2_i + x2_j - 2 t_i.t_j
                            sum += Math.exp(-dist / (2 * s2));
                        }
                    }
                    logs[r] = Math.log(sum) - logN;
                }
            });
            for (int r = 0; r < to - from; r++) {
                total += logs[r];
            }
        }
        return total;
    }

    /** Row blocks of a space's Gram matrix, by GEMM into one reused buffer. */
    private final class GramBlocks {
        private final Space space;
        private final INDArray full; // block x N
        private INDArray last;       // the shorter last block, when there is one

        GramBlocks(Space space, int block) {
            this.space = space;
            this.full = Nd4j.create(DataType.DOUBLE, block, n);
        }

        /** Rows [from, to) of the Gram matrix, row-major; valid until the next call. */
        DoubleBuffer rows(int from, int to) {
            int rows = to - from;
            if (rows != full.rows() && (last == null || last.rows() != rows)) {
                last = Nd4j.create(DataType.DOUBLE, rows, n);
            }
            INDArray c = rows == full.rows() ? full : last;
            INDArray a = space.coordinates.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            Nd4j.gemm(a, space.coordinates, c, false, true, 1.0, 0.0);
            return c.data().asNioDouble();
        }
    }

    private double squaredDistance(int i, int j) {
        double acc = 0;
        int a = i * d;
        int b = j * d;
        for (int k = 0; k < d; k++) {
            double diff = x[a + k] - x[b + k];
            acc += diff * diff;
        }
        return acc;
    }

    private static Space space(INDArray coordinates, boolean lowerBound) {
        int rows = (int) coordinates.rows();
        int cols = (int) coordinates.columns();
        DoubleBuffer v = coordinates.data().asNioDouble();
        double[] norms = new double[rows];
        for (int i = 0; i < rows; i++) {
            double acc = 0;
            for (int k = 0; k < cols; k++) {
                double e = v.get(i * cols + k);
                acc += e * e;
            }
            norms[i] = acc;
        }
        return new Space(coordinates, norms, lowerBound);
    }

    /**
     * 64 orthonormal directions close to the leading right-singular subspace of the points: a seeded
     * randomised range finder with two power iterations. Any orthonormal basis gives lower bounds;
     * this one makes them tight where the points spread most (uncentred: one direction may go to the
     * mean, which does no harm to the other 63).
     */
    private INDArray basis() {
        if (basis == null) {
            basis = rangeFinder();
        }
        return basis;
    }

    private INDArray rangeFinder() {
        INDArray t = exact.coordinates;
        Random rnd = new Random(17);
        double[] omega = new double[d * PROJECTION_DIMS];
        for (int i = 0; i < omega.length; i++) {
            omega[i] = rnd.nextGaussian();
        }
        INDArray basis = orthonormalColumns(Nd4j.create(omega, new long[] {d, PROJECTION_DIMS}, DataType.DOUBLE));
        INDArray tb = Nd4j.create(DataType.DOUBLE, n, PROJECTION_DIMS);
        INDArray ttb = Nd4j.create(DataType.DOUBLE, d, PROJECTION_DIMS);
        for (int iteration = 0; iteration < 2; iteration++) {
            Nd4j.gemm(t, basis, tb, false, false, 1.0, 0.0);
            Nd4j.gemm(t, tb, ttb, true, false, 1.0, 0.0); // t^T (t basis), without a transposed copy of t
            basis = orthonormalColumns(ttb);
        }
        return basis;
    }

    /** Gram-Schmidt, twice, on the columns (a few dozen) of a tall matrix. */
    private static INDArray orthonormalColumns(INDArray a) {
        int rows = (int) a.rows();
        int cols = (int) a.columns();
        double[][] q = new double[cols][rows];
        for (int c = 0; c < cols; c++) {
            double[] v = a.getColumn(c).toDoubleVector();
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0;
                    for (int r = 0; r < rows; r++) {
                        dot += v[r] * q[p][r];
                    }
                    for (int r = 0; r < rows; r++) {
                        v[r] -= dot * q[p][r];
                    }
                }
            }
            double norm = 0;
            for (double e : v) {
                norm += e * e;
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < rows; r++) {
                v[r] = norm > 0 ? v[r] / norm : 0;
            }
            q[c] = v;
        }
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = q[c][r];
            }
        }
        return Nd4j.create(out, new long[] {rows, cols}, DataType.DOUBLE);
    }
}
