package org.infolens.estimate.kernel;

import java.util.OptionalInt;
import java.util.Random;
import org.infolens.numeric.Parallel;
import org.infolens.numeric.RowMajor;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The one computation behind the kernel bounds: for points t_1..t_N,
 * L(s2) = (1/N) sum_i ln[(1/N) sum_j exp(-||t_i - t_j||^2 / (2 s2))], in double, never holding an
 * N x N matrix, each pair once (the terms are symmetric).
 *
 * <p>Each inner sum is at least 1 (its j = i term), so a term with ||t_i - t_j||^2 > 2 s2 (ln N + 32.2)
 * is below 1e-14 / N of it, and all such terms together change L by less than 1e-14: they are left
 * out. In many dimensions, which pairs may matter is decided on a projection onto 64 orthonormal
 * directions (a randomised range finder, close to the leading right-singular subspace): a projected
 * distance is a lower bound of the distance, so pairs beyond the cutoff there are beyond it in
 * full; the few others get their exact distance. Where the projection prunes too little (few
 * dimensions, or points close together), the Gram matrix of the points themselves is used, as the
 * reference implementation computes it (row blocks of a few megabytes, ND4J GEMM into a reused buffer).
 *
 * <p>The projected pass scans its rows in many chunks handed out one at a time ({@link Parallel#forEachDynamic}): with
 * another process busy on one core, a thread there takes fewer chunks instead of holding up a static half. It computes
 * its dot products in Java, tile by tile in the L1 cache, so that every chunk is one thread's work from the products
 * to the sums (a native GEMM splits each product statically over its threads). The exact scan keeps a static split of
 * each block's rows over the threads: with 16 dynamic chunks and an array of terms per chunk it ran 10-40 % slower at
 * d = 20, where the exponentials, not the products, take the time.
 */
final class GaussianMixtureDensity {

    /** Entries per block of the exact pair matrix: 16 MB of doubles (thin GEMMs run faster in larger blocks). */
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
     * err by under 1e-5 of |p_i|^2 + |p_j|^2 (in any order of summation), so pruning only beyond this
     * margin never drops a pair that double arithmetic would keep.
     */
    private static final double FLOAT_SLACK = 1e-4;
    /** Rows sampled for the range finder: the directions of largest spread show in a few thousand rows. */
    private static final int RANGE_FINDER_ROWS = 2048;
    /** Chunks of rows per thread: enough that a thread slowed by other load hands most of its share to the others. */
    private static final int CHUNKS_PER_THREAD = 8;
    /** Directions of the first pruning test, where they prune nearly as well as all 64 ({@link #MAX_LEAD_SHARE}). */
    private static final int LEAD_DIMS = 16;
    /**
     * Above this share of candidates on the first 16 directions the tiles use all 64: a pair that passes the first
     * test costs a 64-term scalar dot product, about 4 times the tile's multiply-adds per direction it saves.
     */
    private static final double MAX_LEAD_SHARE = 0.1;
    /** Rows of a tile of projected dot products: each loaded projection serves this many rows. */
    private static final int TILE_ROWS = 4;
    /** Columns of a tile: 4 rows of 256 float products (4 KB) stay in the L1 cache for the candidate test. */
    private static final int TILE_COLUMNS = 256;

    private final double[] x; // N x d, row-major
    private final int n;
    private final int d;
    private INDArray points;     // x in native memory, made on first need (exact scan)
    private float[] projections; // N x 64, row-major, for d > 64: the points on the pruning directions
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
            float[] all = projections();
            float[] p = new float[rows.length * PROJECTION_DIMS];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(all, rows[i] * PROJECTION_DIMS, p, i * PROJECTION_DIMS, PROJECTION_DIMS);
            }
            sub.projections = p;
        }
        return sub;
    }

    /** The mean log mixture density L(s2) in nats. */
    double meanLog(double s2) {
        double cutoff = 2 * s2 * (Math.log(n) + TAIL);
        if (d > PROJECTION_DIMS && n > 1) {
            if (projected == null) {
                projected = new ProjectedScan(projections());
            }
            OptionalInt tileDims = projected.tileDims(cutoff);
            if (tileDims.isPresent()) {
                return projected.sumLogDensities(s2, cutoff, tileDims.getAsInt()) / n;
            }
        }
        int block = (int) Math.max(1, Math.min(n, BLOCK_ELEMENTS / n));
        return new ExactScan(block).sumLogDensities(s2, cutoff) / n;
    }

    private INDArray points() {
        if (points == null) {
            points = Nd4j.create(x, new long[] {n, d}, DataType.DOUBLE);
        }
        return points;
    }

    /**
     * The points on 64 pruning directions, rounded to float; the projection itself in double, in Java (N d 64
     * multiply-adds: about 0.25 s at N = 10,000, d = 1,024 on a loaded 2-core machine), chunks of rows handed out
     * dynamically. No copy of the N x d points into native memory, which cost as much.
     */
    private float[] projections() {
        if (projections == null) {
            double[][] w = rangeFinder();
            float[] p = new float[n * PROJECTION_DIMS];
            int chunks = chunkCount(n, (long) n * d * PROJECTION_DIMS);
            Parallel.forEachDynamic(chunks, c -> {
                double[] acc = new double[PROJECTION_DIMS];
                for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                    java.util.Arrays.fill(acc, 0);
                    for (int k = 0; k < d; k++) {
                        double xk = x[i * d + k];
                        double[] wk = w[k]; // a row array of its own: C2 (JDK 17) vectorises no loop whose arrays start at different offsets
                        for (int q = 0; q < PROJECTION_DIMS; q++) {
                            acc[q] += xk * wk[q];
                        }
                    }
                    for (int q = 0; q < PROJECTION_DIMS; q++) {
                        p[i * PROJECTION_DIMS + q] = (float) acc[q];
                    }
                }
            });
            projections = p;
        }
        return projections;
    }

    /** Chunks for a pass of {@code work} elements over {@code items} items: many per thread, or one for small passes. */
    private static int chunkCount(int items, long work) {
        return Parallel.chunks(items, work) == 1 ? 1 : Math.min(items, CHUNKS_PER_THREAD * Parallel.threads());
    }

    /**
     * The end of a pass over the pairs i < j (each pair looked at once, its term added to both inner sums, rows in
     * chunks on the current pool): {@code sums} holds each row's own sum, others[c] the terms chunk c found for later
     * rows (an array per chunk, so that the sums do not depend on which thread ran what); adds those in chunk order and
     * returns sum_i ln(sums_i / N).
     */
    private double sumOfLogs(double[] sums, double[][] others) {
        for (double[] other : others) {
            if (other != null) {
                for (int j = 0; j < n; j++) {
                    sums[j] += other[j];
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

    /**
     * Distances from the Gram matrix of the points themselves, as the reference computes them: row blocks of the upper
     * triangle (ND4J GEMM of a block of rows against the rows from the block's first on, into one reused buffer, one
     * bulk copy out of native memory per block), each block's rows split evenly over the threads.
     */
    private final class ExactScan {
        private final double[] squaredNorms;
        private final int block;
        private final DataBuffer buffer; // block x N, reused for every block's shape
        private final double[] g;
        private final double[] halfNorms;

        ExactScan(int block) {
            this.squaredNorms = RowMajor.squaredNorms(x, n, d);
            this.block = block;
            this.buffer = Nd4j.createBuffer(DataType.DOUBLE, (long) block * n, false);
            g = new double[block * n];
            halfNorms = new double[n];
            for (int j = 0; j < n; j++) {
                halfNorms[j] = squaredNorms[j] / 2;
            }
        }

        /** Brings Gram rows [from, to), columns [from, n) into {@code g}, (n - from) values a row. */
        private void load(int from, int to) {
            INDArray c = Nd4j.create(buffer, new long[] {to - from, n - from});
            INDArray a = points().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray b = from == 0 ? points() : points().get(NDArrayIndex.interval(from, n), NDArrayIndex.all());
            Nd4j.gemm(a, b, c, false, true, 1.0, 0.0);
            c.data().asNioDouble().get(g, 0, (to - from) * (n - from));
        }

        double sumLogDensities(double s2, double cutoff) {
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
            }
            return sumOfLogs(sums, others);
        }

        /**
         * For point i, row r of the block loaded from row {@code from}: the terms exp(-||t_i - t_j||^2 / (2 s2)) of
         * j = i and of the j > i that may matter; returns their sum (i's own inner sum gets it) and adds each j > i
         * term to {@code others[j]} (j's inner sum).
         */
        private double pairSums(int r, int i, int from, double s2, double cutoff, double[] others) {
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
     * their exact distance from the points. The projected dot products are made tile by tile (4 rows x 256 columns,
     * from panels of the projections transposed, so that the inner loop is a vectorisable multiply-add along a row)
     * and tested while the tile is in the L1 cache; most tiles of a wide layer hold no candidate at all. Where the
     * first 16 directions alone already prune nearly every pair, the tiles use just those (a quarter of the
     * multiply-adds) and the pairs that pass get the test on all 64 before their exact distance.
     */
    private final class ProjectedScan {
        private final float[] p;             // N x 64
        private final float[][] columns;     // [panel * 64 + k][c]: coordinate k of point panel * 256 + c
        private final Stage lead;            // the first 16 directions
        private final Stage full;            // all 64

        /** A test on the first {@code dims} directions: squared norms there, and (1 - slack) |p_j|^2 / 2 by panel. */
        private record Stage(int dims, double[] squaredNorms, float[][] halfNorms) {

            /** A pair is a candidate when p_i.p_j (first dims coordinates) >= floor(i) + halfNorms of j. */
            float floor(int i, double cutoff) {
                return (float) (((1 - FLOAT_SLACK) * squaredNorms[i] - cutoff) / 2);
            }

            float halfNorm(int j) {
                return halfNorms[j / TILE_COLUMNS][j % TILE_COLUMNS];
            }
        }

        ProjectedScan(float[] projections) {
            p = projections;
            int panels = (n + TILE_COLUMNS - 1) / TILE_COLUMNS;
            columns = new float[panels * PROJECTION_DIMS][TILE_COLUMNS];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < PROJECTION_DIMS; k++) {
                    columns[i / TILE_COLUMNS * PROJECTION_DIMS + k][i % TILE_COLUMNS] = p[i * PROJECTION_DIMS + k];
                }
            }
            lead = stage(LEAD_DIMS, panels);
            full = stage(PROJECTION_DIMS, panels);
        }

        private Stage stage(int dims, int panels) {
            double[] norms = new double[n];
            float[][] half = new float[panels][TILE_COLUMNS];
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int k = 0; k < dims; k++) {
                    acc += (double) p[j * PROJECTION_DIMS + k] * p[j * PROJECTION_DIMS + k];
                }
                norms[j] = acc;
                half[j / TILE_COLUMNS][j % TILE_COLUMNS] = (float) ((1 - FLOAT_SLACK) * acc / 2);
            }
            return new Stage(dims, norms, half);
        }

        /**
         * Adds to {@code tile[r][c]} the products of coordinates [kFrom, kTo) of p_(i0 + r) and p_(j0 + c) for r < rows
         * (at most 4), c in [c0, c0 + len), where j0 + c are the points of panel {@code panel} (set to them when kFrom
         * is 0); rows past {@code rows} get zeros. Every array of the inner loop is indexed from c0: C2 (JDK 17)
         * vectorises no loop whose arrays start at different offsets.
         */
        private void dots(int i0, int rows, int panel, int c0, int len, int kFrom, int kTo, float[][] tile) {
            float[] t0 = tile[0];
            float[] t1 = tile[1];
            float[] t2 = tile[2];
            float[] t3 = tile[3];
            int end = c0 + len;
            if (kFrom == 0) {
                java.util.Arrays.fill(t0, c0, end, 0f);
                java.util.Arrays.fill(t1, c0, end, 0f);
                java.util.Arrays.fill(t2, c0, end, 0f);
                java.util.Arrays.fill(t3, c0, end, 0f);
            }
            for (int k = kFrom; k < kTo; k++) {
                float a0 = p[i0 * PROJECTION_DIMS + k];
                float a1 = rows > 1 ? p[(i0 + 1) * PROJECTION_DIMS + k] : 0f;
                float a2 = rows > 2 ? p[(i0 + 2) * PROJECTION_DIMS + k] : 0f;
                float a3 = rows > 3 ? p[(i0 + 3) * PROJECTION_DIMS + k] : 0f;
                float[] coordinate = columns[panel * PROJECTION_DIMS + k];
                for (int c = c0; c < end; c++) {
                    float b = coordinate[c];
                    t0[c] += a0 * b;
                    t1[c] += a1 * b;
                    t2[c] += a2 * b;
                    t3[c] += a3 * b;
                }
            }
        }

        /** p_i.p_j on all 64 directions, in four independent sums (one chain of 64 float additions waits on each). */
        private float dot(int i, int j) {
            float acc0 = 0;
            float acc1 = 0;
            float acc2 = 0;
            float acc3 = 0;
            int a = i * PROJECTION_DIMS;
            int b = j * PROJECTION_DIMS;
            for (int k = 0; k < PROJECTION_DIMS; k += 4) {
                acc0 += p[a + k] * p[b + k];
                acc1 += p[a + k + 1] * p[b + k + 1];
                acc2 += p[a + k + 2] * p[b + k + 2];
                acc3 += p[a + k + 3] * p[b + k + 3];
            }
            return (acc0 + acc1) + (acc2 + acc3);
        }

        /**
         * The directions the tiles should use, from the pairs of the first rows (up to 64: a sample): 16 when their
         * share of candidates on those stays small, 64 when it does not; empty when the share of candidates on all 64
         * is too large for the projection to pay.
         */
        OptionalInt tileDims(double cutoff) {
            int sample = Math.min(n, SHARE_SAMPLE_ROWS);
            float[][] tile = new float[TILE_ROWS][TILE_COLUMNS];
            long leadCandidates = 0;
            long candidates = 0;
            for (int i0 = 0; i0 < sample; i0 += TILE_ROWS) {
                int rows = Math.min(TILE_ROWS, sample - i0);
                for (int panel = 0; panel < lead.halfNorms().length; panel++) {
                    int len = Math.min(TILE_COLUMNS, n - panel * TILE_COLUMNS);
                    dots(i0, rows, panel, 0, len, 0, LEAD_DIMS, tile);
                    leadCandidates += count(tile, i0, rows, panel, len, lead, cutoff);
                    dots(i0, rows, panel, 0, len, LEAD_DIMS, PROJECTION_DIMS, tile);
                    candidates += count(tile, i0, rows, panel, len, full, cutoff);
                }
            }
            double pairs = (double) sample * n;
            if (candidates / pairs > MAX_CANDIDATE_SHARE) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(leadCandidates / pairs <= MAX_LEAD_SHARE ? LEAD_DIMS : PROJECTION_DIMS);
        }

        private long count(float[][] tile, int i0, int rows, int panel, int len, Stage stage, double cutoff) {
            long candidates = 0;
            for (int r = 0; r < rows; r++) {
                float floor = stage.floor(i0 + r, cutoff);
                float[] half = stage.halfNorms()[panel];
                for (int c = 0; c < len; c++) {
                    candidates += tile[r][c] >= floor + half[c] ? 1 : 0;
                }
            }
            return candidates;
        }

        double sumLogDensities(double s2, double cutoff, int tileDims) {
            double[] sums = new double[n];
            int chunks = chunkCount(n, (long) n * n / 2);
            double[][] others = new double[chunks][];
            Stage stage = tileDims == LEAD_DIMS ? lead : full;
            Parallel.forEachDynamic(chunks, c -> scanRows(rowStart(chunks, c), rowStart(chunks, c + 1), stage, s2, cutoff, sums, others, c));
            return sumOfLogs(sums, others);
        }

        /** First row of chunk c of {@code chunks}: chunks of about equal pair counts (row i has n - 1 - i pairs). */
        private int rowStart(int chunks, int c) {
            return c >= chunks ? n : (int) Math.round(n * (1 - Math.sqrt(1 - (double) c / chunks)));
        }

        /**
         * Rows [lo, hi) against every later row, tiles on the directions of {@code stage}: their own sums into
         * {@code sums}, the later rows' terms into others[chunk].
         */
        private void scanRows(int lo, int hi, Stage stage, double s2, double cutoff, double[] sums, double[][] others, int chunk) {
            float[][] tile = new float[TILE_ROWS][TILE_COLUMNS];
            double[] rowSums = new double[TILE_ROWS];
            float[] floors = new float[TILE_ROWS];
            for (int i0 = lo; i0 < hi; i0 += TILE_ROWS) {
                int rows = Math.min(TILE_ROWS, hi - i0);
                for (int r = 0; r < rows; r++) {
                    rowSums[r] = 1; // the j = i term
                    floors[r] = full.floor(i0 + r, cutoff);
                }
                for (int r = 0; r < rows; r++) { // pairs within the tile
                    for (int j = i0 + r + 1; j < i0 + rows; j++) {
                        if (dot(i0 + r, j) >= floors[r] + full.halfNorm(j)) {
                            rowSums[r] += term(i0 + r, j, s2, others, chunk);
                        }
                    }
                }
                for (int first = i0 + rows; first < n; first = (first / TILE_COLUMNS + 1) * TILE_COLUMNS) {
                    int panel = first / TILE_COLUMNS;
                    int c0 = first % TILE_COLUMNS;
                    int end = Math.min(TILE_COLUMNS, n - panel * TILE_COLUMNS);
                    dots(i0, rows, panel, c0, end - c0, 0, stage.dims(), tile);
                    float[] half = stage.halfNorms()[panel];
                    for (int r = 0; r < rows; r++) {
                        float[] t = tile[r];
                        int i = i0 + r;
                        float floor = stage == full ? floors[r] : stage.floor(i, cutoff);
                        // A vectorisable first look: most rows of a wide layer have no candidate in a tile.
                        float top = Float.NEGATIVE_INFINITY;
                        for (int c = c0; c < end; c++) {
                            float v = t[c] - half[c];
                            top = v > top ? v : top; // not Math.max: its NaN and -0 rules keep the loop scalar
                        }
                        if (top < floor) {
                            continue;
                        }
                        for (int c = c0; c < end; c++) {
                            int j = panel * TILE_COLUMNS + c;
                            if (t[c] >= floor + half[c] && (stage == full || dot(i, j) >= floors[r] + full.halfNorm(j))) {
                                rowSums[r] += term(i, j, s2, others, chunk);
                            }
                        }
                    }
                }
                for (int r = 0; r < rows; r++) {
                    sums[i0 + r] += rowSums[r];
                }
            }
        }

        /** exp(-||t_i - t_j||^2 / (2 s2)) from the exact distance, also added to j's inner sum in this chunk's array. */
        private double term(int i, int j, double s2, double[][] others, int chunk) {
            double term = Math.exp(-squaredDistance(i, j) / (2 * s2));
            double[] other = others[chunk] == null ? others[chunk] = new double[n] : others[chunk];
            other[j] += term;
            return term;
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
     * direction may go to the mean, which does no harm to the other 63). Row k of the result is direction
     * coordinate k, the 64 directions' k-th components.
     */
    private double[][] rangeFinder() {
        int stride = (n + RANGE_FINDER_ROWS - 1) / RANGE_FINDER_ROWS;
        int sampled = (n + stride - 1) / stride;
        double[] rows = new double[sampled * d];
        for (int s = 0; s < sampled; s++) {
            System.arraycopy(x, s * stride * d, rows, s * d, d);
        }
        INDArray t = Nd4j.create(rows, new long[] {sampled, d}, DataType.DOUBLE);
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
        double[] b = basis.data().asDouble();
        double[][] coordinates = new double[d][];
        for (int k = 0; k < d; k++) {
            coordinates[k] = java.util.Arrays.copyOfRange(b, k * PROJECTION_DIMS, (k + 1) * PROJECTION_DIMS);
        }
        return coordinates;
    }

    /** Gram-Schmidt, twice, on the columns (a few dozen) of a tall matrix. */
    private static INDArray orthonormalColumns(INDArray a) {
        int rows = (int) a.rows();
        int cols = (int) a.columns();
        double[] flat = a.dup('c').data().asDouble(); // one bulk copy, not an ND4J op per column
        double[][] q = new double[cols][rows];
        for (int c = 0; c < cols; c++) {
            double[] v = new double[rows];
            for (int r = 0; r < rows; r++) {
                v[r] = flat[r * cols + c];
            }
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
