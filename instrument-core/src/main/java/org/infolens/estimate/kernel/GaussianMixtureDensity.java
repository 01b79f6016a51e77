package org.infolens.estimate.kernel;

import java.util.Random;
import org.infolens.numeric.Parallel;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The one computation behind the kernel bounds: for points t_1..t_N,
 * L(s2) = (1/N) sum_i ln[(1/N) sum_j exp(-||t_i - t_j||^2 / (2 s2))], in double, never holding an
 * N x N matrix (row blocks of a few megabytes, ND4J GEMM into a reused buffer), each pair once (the
 * terms are symmetric).
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

    /** Entries per block of the pair matrix: 16 MB of doubles (thin GEMMs run faster in larger blocks). */
    private static final long BLOCK_ELEMENTS = 1 << 21;
    /** Directions of the pruning projection; layers this narrow or narrower use their own coordinates. */
    static final int PROJECTION_DIMS = 64;
    /** Power iterations of the range finder: one already aligns the directions with a layer's dominant spread. */
    private static final int POWER_ITERATIONS = 1;
    /** ln(1e14): left-out terms sum to below 1e-14 of each inner sum. */
    private static final double TAIL = 14 * Math.log(10);
    /** Rows whose pairs decide whether the projection prunes enough. */
    private static final int SHARE_SAMPLE_ROWS = 64;
    /** Above this share of candidate pairs the projection no longer pays. */
    private static final double MAX_CANDIDATE_SHARE = 0.3;
    /**
     * Relative slack on float projected distances: rounding to float and a 64-term float dot product
     * err by under 1e-5 of |p_i|^2 + |p_j|^2, so pruning only beyond this margin never drops a pair
     * that double arithmetic would keep.
     */
    private static final double FLOAT_SLACK = 1e-4;

    /** Rows sampled for the range finder: the directions of largest spread show in a few thousand rows. */
    private static final int RANGE_FINDER_ROWS = 2048;

    private final double[] x; // N x d, row-major
    private final int n;
    private final int d;
    private INDArray points;      // x in native memory, made on first need
    private INDArray projections; // N x 64 float, for d > 64: the points on the pruning directions
    private ProjectedScan projected;

    GaussianMixtureDensity(double[] rowMajor, int n, int d) {
        this.x = rowMajor;
        this.n = n;
        this.d = d;
    }

    /** The mixture over some of the rows (a class), pruning on the same directions. */
    GaussianMixtureDensity subset(int[] rows) {
        double[] v = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * d, v, i * d, d);
        }
        GaussianMixtureDensity sub = new GaussianMixtureDensity(v, rows.length, d);
        if (d > PROJECTION_DIMS) {
            float[] all = projections().data().asFloat();
            float[] p = new float[rows.length * PROJECTION_DIMS];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(all, rows[i] * PROJECTION_DIMS, p, i * PROJECTION_DIMS, PROJECTION_DIMS);
            }
            sub.projections = Nd4j.create(p, new long[] {rows.length, PROJECTION_DIMS}, 'c');
        }
        return sub;
    }

    /** The mean log mixture density L(s2) in nats. */
    double meanLog(double s2) {
        double cutoff = 2 * s2 * (Math.log(n) + TAIL);
        int block = (int) Math.max(1, Math.min(n, BLOCK_ELEMENTS / n));
        if (d > PROJECTION_DIMS && n > 1) {
            if (projected == null) {
                projected = new ProjectedScan(projections(), block);
            }
            if (projected.candidateShare(cutoff) <= MAX_CANDIDATE_SHARE) {
                return projected.sumLogDensities(s2, cutoff) / n;
            }
        }
        return new ExactScan(block).sumLogDensities(s2, cutoff) / n;
    }

    private INDArray points() {
        if (points == null) {
            points = Nd4j.create(x, new long[] {n, d}, DataType.DOUBLE);
        }
        return points;
    }

    /** The points on 64 pruning directions, in float (the projection itself in double). */
    private INDArray projections() {
        if (projections == null) {
            INDArray coordinates = Nd4j.create(DataType.DOUBLE, n, PROJECTION_DIMS);
            Nd4j.gemm(points(), rangeFinder(), coordinates, false, false, 1.0, 0.0);
            projections = coordinates.castTo(DataType.FLOAT);
        }
        return projections;
    }

    /**
     * A pass over row blocks of the upper triangle of a Gram matrix (ND4J GEMM of a block of rows against the rows from
     * the block's first on, into one reused buffer, one bulk copy out of native memory per block): each pair i < j is
     * looked at once and its term added to both inner sums, half the GEMM and half the scan of the full matrix.
     */
    private abstract class BlockScan {
        final INDArray coordinates;
        final double[] squaredNorms;
        final int block;
        private final DataBuffer buffer; // block x N, reused for every block's shape

        BlockScan(INDArray coordinates, int block) {
            this.coordinates = coordinates;
            this.block = block;
            this.buffer = Nd4j.createBuffer(coordinates.dataType(), (long) block * n, false);
            int cols = (int) coordinates.columns();
            double[] c = coordinates.castTo(DataType.DOUBLE).data().asDouble();
            squaredNorms = new double[n];
            for (int i = 0; i < n; i++) {
                double acc = 0;
                for (int k = 0; k < cols; k++) {
                    acc += c[i * cols + k] * c[i * cols + k];
                }
                squaredNorms[i] = acc;
            }
        }

        /** Gram rows [from, to), columns [from, n), row-major in native memory; valid until the next call. */
        final INDArray gram(int from, int to) {
            INDArray c = Nd4j.create(buffer, new long[] {to - from, n - from});
            INDArray a = coordinates.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray b = from == 0 ? coordinates : coordinates.get(NDArrayIndex.interval(from, n), NDArrayIndex.all());
            Nd4j.gemm(a, b, c, false, true, 1.0, 0.0);
            return c;
        }

        /** Brings Gram rows [from, to), columns [from, n) into this scan's Java array, (n - from) values a row. */
        abstract void load(int from, int to);

        /**
         * For point i, row r of the block loaded from row {@code from}: the terms exp(-||t_i - t_j||^2 / (2 s2)) of
         * j = i and of the j > i that may matter; returns their sum (i's own inner sum gets it) and adds each j > i
         * term to {@code others[j]} (j's inner sum).
         */
        abstract double pairSums(int r, int i, int from, double s2, double cutoff, double[] others);

        final double sumLogDensities(double s2, double cutoff) {
            double[] sums = new double[n];
            int maxChunks = Parallel.threads();
            double[][] others = new double[maxChunks][];
            for (int from = 0; from < n; from += block) {
                int to = Math.min(n, from + block);
                load(from, to);
                int start = from;
                int chunks = Math.min(maxChunks, Parallel.chunks(to - from, (long) (to - from) * (n - from)));
                Parallel.forChunks(to - from, chunks, (chunk, lo, hi) -> {
                    double[] other = others[chunk] == null ? others[chunk] = new double[n] : others[chunk];
                    for (int r = lo; r < hi; r++) {
                        sums[start + r] += pairSums(r, start + r, start, s2, cutoff, other);
                    }
                });
                for (double[] other : others) {
                    if (other != null) {
                        for (int j = from; j < n; j++) {
                            sums[j] += other[j];
                        }
                        java.util.Arrays.fill(other, from, n, 0);
                    }
                }
            }
            double logN = Math.log(n);
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += Math.log(sums[i]) - logN;
            }
            return total;
        }
    }

    /** Distances from the Gram matrix of the points themselves, as the reference computes them. */
    private final class ExactScan extends BlockScan {
        private final double[] g;
        private final double[] halfNorms;

        ExactScan(int block) {
            super(points(), block);
            g = new double[block * n];
            halfNorms = new double[n];
            for (int j = 0; j < n; j++) {
                halfNorms[j] = squaredNorms[j] / 2;
            }
        }

        @Override
        void load(int from, int to) {
            gram(from, to).data().asNioDouble().get(g, 0, (to - from) * (n - from));
        }

        @Override
        double pairSums(int r, int i, int from, double s2, double cutoff, double[] others) {
            double si = squaredNorms[i];
            double floor = (si - cutoff) / 2; // dist <= cutoff  <=>  t_i.t_j >= floor + x2_j / 2 (up to rounding)
            int row = r * (n - from) - from; // g[row + j] is t_i.t_j
            double sum = Math.exp(-(si + si - 2 * g[row + i]) / (2 * s2)); // j = i, as the reference computes it (about 1)
            for (int j = i + 1; j < n; j++) {
                double gij = g[row + j];
                if (gij >= floor + halfNorms[j]) {
                    double term = Math.exp(-(si + squaredNorms[j] - 2 * gij) / (2 * s2)); // as the reference: x2_i + x2_j - 2 t_i.t_j
                    sum += term;
                    others[j] += term;
                }
            }
            return sum;
        }
    }

    /**
     * Pruning on float projections: a projected distance is a lower bound of the distance, so a pair
     * beyond the cutoff (with slack for float rounding) there is beyond it in full; the others get
     * their exact distance from the points.
     */
    private final class ProjectedScan extends BlockScan {
        private final float[] g;
        private final float[] halfNorms; // (1 - slack) |p_j|^2 / 2

        ProjectedScan(INDArray floatCoordinates, int block) {
            super(floatCoordinates, block);
            g = new float[block * n];
            halfNorms = new float[n];
            for (int j = 0; j < n; j++) {
                halfNorms[j] = (float) ((1 - FLOAT_SLACK) * squaredNorms[j] / 2);
            }
        }

        @Override
        void load(int from, int to) {
            gram(from, to).data().asNioFloat().get(g, 0, (to - from) * (n - from));
        }

        /** A pair is a candidate when p_i.p_j >= floor_i + halfNorms[j]. */
        private float floor(int i, double cutoff) {
            return (float) (((1 - FLOAT_SLACK) * squaredNorms[i] - cutoff) / 2);
        }

        /** Share of pairs among the first rows (up to 64: a sample) that remain candidates. */
        double candidateShare(double cutoff) {
            int rows = Math.min(Math.min(block, n), SHARE_SAMPLE_ROWS);
            load(0, rows);
            long candidates = 0;
            for (int i = 0; i < rows; i++) {
                float floor = floor(i, cutoff);
                for (int j = 0; j < n; j++) {
                    candidates += g[i * n + j] >= floor + halfNorms[j] ? 1 : 0;
                }
            }
            return (double) candidates / ((long) rows * n);
        }

        @Override
        double pairSums(int r, int i, int from, double s2, double cutoff, double[] others) {
            float floor = floor(i, cutoff);
            int row = r * (n - from) - from; // g[row + j] is p_i.p_j
            // A vectorisable first look: most rows of a wide layer have no candidate but themselves.
            float top = Float.NEGATIVE_INFINITY;
            for (int j = i + 1; j < n; j++) {
                float v = g[row + j] - halfNorms[j];
                top = v > top ? v : top; // not Math.max: its NaN and -0 rules keep the loop scalar
            }
            double sum = 1; // the j = i term
            if (top < floor) {
                return sum;
            }
            for (int j = i + 1; j < n; j++) {
                if (g[row + j] >= floor + halfNorms[j]) {
                    double term = Math.exp(-squaredDistance(i, j) / (2 * s2));
                    sum += term;
                    others[j] += term;
                }
            }
            return sum;
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

    /**
     * 64 orthonormal directions close to the leading right-singular subspace of the points: a seeded
     * randomised range finder with one power iteration, on evenly spaced rows. Any orthonormal basis
     * gives lower bounds; this one makes them tight where the points spread most (uncentred: one
     * direction may go to the mean, which does no harm to the other 63).
     */
    private INDArray rangeFinder() {
        int stride = (n + RANGE_FINDER_ROWS - 1) / RANGE_FINDER_ROWS;
        INDArray t = stride == 1 ? points() : points().get(NDArrayIndex.interval(0, stride, n), NDArrayIndex.all()).dup();
        Random rnd = new Random(17);
        double[] omega = new double[d * PROJECTION_DIMS];
        for (int i = 0; i < omega.length; i++) {
            omega[i] = rnd.nextGaussian();
        }
        INDArray basis = orthonormalColumns(Nd4j.create(omega, new long[] {d, PROJECTION_DIMS}, DataType.DOUBLE));
        INDArray tb = Nd4j.create(DataType.DOUBLE, t.rows(), PROJECTION_DIMS);
        INDArray ttb = Nd4j.create(DataType.DOUBLE, d, PROJECTION_DIMS);
        for (int iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
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
