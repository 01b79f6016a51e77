package org.infolens.estimate.spectral;

import java.util.SplittableRandom;
import org.infolens.config.Config;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Diffusion spectral entropy without a full eigendecomposition, for large N. With p = lambda^t / S,
 * H = ln S - (1/S) sum lambda^t ln lambda^t, S = sum lambda^t: two spectral sums, tr f(K). Each is
 * split over a subspace and its complement (Hutch++-style deflation):
 * <ol>
 *   <li>the leading {@code rank} eigen-directions by a randomized range finder (two power
 *       iterations), whose Ritz values enter the sums directly: they carry most of the mass when the
 *       spectrum is steep, where plain trace estimation is worst;</li>
 *   <li>the rest by stochastic Lanczos quadrature on the deflated operator P K P: {@code probes}
 *       Rademacher vectors, {@code steps} Lanczos steps each (fully reorthogonalised), Gauss quadrature
 *       from the tridiagonal's eigenpairs.</li>
 * </ol>
 * K is built and multiplied in float32 (the sums need about 1e-6 relative accuracy, not 1e-15), all
 * probes at once so every product is one GEMM. The record carries a jackknife standard error over the
 * probes; the error against the exact value is measured by {@code bench dse}.
 */
public record LanczosQuadrature(int rank, int probes, int steps) implements SpectrumMethod {

    private static final int OVERSAMPLE = 16;
    private static final int POWER_ITERATIONS = 2;

    public LanczosQuadrature {
        RANK.requireValid("slq", rank);
        PROBES.requireValid("slq", probes);
        STEPS.requireValid("slq", steps);
    }

    /** Defaults: 64 deflated directions, 16 probes, 40 steps. */
    public static LanczosQuadrature defaults() {
        return new LanczosQuadrature(RANK.defaultValue(), PROBES.defaultValue(), STEPS.defaultValue());
    }

    @Override
    public String name() {
        return "slq";
    }

    @Override
    public Config.Builder configure(Config.Builder b) {
        return b.set(METHOD, Kind.SLQ).set(EXACT_MAX_N, null).set(RANK, rank).set(PROBES, probes).set(STEPS, steps);
    }

    /** Below this N the exact spectrum is as cheap as the approximation and has no error. */
    private int exactBelow() {
        return 4 * (rank + OVERSAMPLE + steps);
    }

    @Override
    public Result entropy(double[] z, int n, int d, Bandwidth bandwidth, double t, long seed) {
        if (n < exactBelow()) {
            Result exact = new ExactSpectrum().entropy(z, n, d, bandwidth, t, seed);
            return new Result(exact.bits(), exact.sigma(), 0, "exact (N < " + exactBelow() + ")");
        }
        DiffusionKernel kernel = DiffusionKernel.of(z, n, d, bandwidth, DataType.FLOAT);
        INDArray k = kernel.matrix();
        SplittableRandom random = new SplittableRandom(seed);
        Basis q = leadingSubspace(k, n, random);
        double[] ritz = ritzValues(k, q);
        double topPower = 0;
        double topPowerLog = 0;
        for (double theta : ritz) {
            topPower += power(theta, t);
            topPowerLog += powerLog(theta, t);
        }
        double[][] probeSums = complementSums(k, q, n, t, random); // [probe][0: sum lambda^t, 1: sum lambda^t ln lambda^t]
        k.close();
        double bits = entropyBits(topPower, topPowerLog, probeSums, -1);
        double[] leaveOneOut = new double[probes];
        double mean = 0;
        for (int j = 0; j < probes; j++) {
            leaveOneOut[j] = entropyBits(topPower, topPowerLog, probeSums, j);
            mean += leaveOneOut[j] / probes;
        }
        double ss = 0;
        for (double v : leaveOneOut) {
            ss += (v - mean) * (v - mean);
        }
        return new Result(bits, kernel.sigma(), Math.sqrt((probes - 1.0) / probes * ss), name());
    }

    private static double entropyBits(double topPower, double topPowerLog, double[][] probeSums, int leftOut) {
        double s = 0;
        double sl = 0;
        int used = 0;
        for (int j = 0; j < probeSums.length; j++) {
            if (j != leftOut) {
                s += probeSums[j][0];
                sl += probeSums[j][1];
                used++;
            }
        }
        double total = topPower + s / used;
        double totalLog = topPowerLog + sl / used;
        return (Math.log(total) - totalLog / total) / ExactSpectrum.LN2;
    }

    private static double power(double lambda, double t) {
        return Math.pow(Math.abs(lambda), t);
    }

    private static double powerLog(double lambda, double t) {
        double w = power(lambda, t);
        return w > 0 ? w * Math.log(w) : 0;
    }

    /** An orthonormal basis kept both as Java columns (for reorthogonalisation) and as an n x m float matrix (for GEMMs). */
    private record Basis(double[][] columns, INDArray matrix) {
        int size() {
            return columns.length;
        }

        /** a <- a - Q (Q^T a), for a block of column vectors (n x b). */
        INDArray projectOut(INDArray a) {
            return size() == 0 ? a : a.subi(matrix.mmul(matrix.transpose().mmul(a)));
        }
    }

    private Basis leadingSubspace(INDArray k, int n, SplittableRandom random) {
        int width = Math.min(rank + OVERSAMPLE, n);
        if (rank == 0) {
            return new Basis(new double[0][], null);
        }
        float[] omega = new float[n * width];
        for (int i = 0; i < omega.length; i++) {
            omega[i] = (float) gaussian(random);
        }
        INDArray y = k.mmul(Nd4j.create(omega, new long[] {n, width}, 'c'));
        Basis q = orthonormalColumns(y, n);
        for (int it = 0; it < POWER_ITERATIONS && q.size() > 0; it++) {
            q = orthonormalColumns(k.mmul(q.matrix()), n);
        }
        return q;
    }

    private static double[] ritzValues(INDArray k, Basis q) {
        if (q.size() == 0) {
            return new double[0];
        }
        double[] b = q.matrix().transpose().mmul(k.mmul(q.matrix())).castTo(DataType.DOUBLE).data().asDouble();
        int m = q.size();
        double[][] sym = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                sym[i][j] = 0.5 * (b[i * m + j] + b[j * m + i]);
            }
        }
        return JacobiEigen.of(sym).values();
    }

    /**
     * Modified Gram-Schmidt, twice, on the columns of {@code a} (n x m); columns that lose all but 1e-6 of
     * their norm are dropped (the range is smaller than m).
     */
    private static Basis orthonormalColumns(INDArray a, int n) {
        int m = (int) a.columns();
        float[] flat = a.castTo(DataType.FLOAT).dup('c').data().asFloat();
        java.util.List<double[]> kept = new java.util.ArrayList<>();
        for (int c = 0; c < m; c++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = flat[i * m + c];
            }
            double before = norm(v);
            for (int pass = 0; pass < 2; pass++) {
                for (double[] u : kept) {
                    subtractProjection(v, u);
                }
            }
            double after = norm(v);
            if (after > 1e-6 * before && after > 0) {
                for (int i = 0; i < n; i++) {
                    v[i] /= after;
                }
                kept.add(v);
            }
        }
        double[][] columns = kept.toArray(new double[0][]);
        return new Basis(columns, columns.length == 0 ? null : asMatrix(columns, n));
    }

    private static INDArray asMatrix(double[][] columns, int n) {
        int m = columns.length;
        float[] flat = new float[n * m];
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < n; i++) {
                flat[i * m + c] = (float) columns[c][i];
            }
        }
        return Nd4j.create(flat, new long[] {n, m}, 'c');
    }

    /**
     * For each Rademacher probe v: Gauss quadrature of v' P f(K) P v for f = lambda^t and
     * lambda^t ln lambda^t, by Lanczos on P K P started from P v.
     */
    private double[][] complementSums(INDArray k, Basis q, int n, double t, SplittableRandom random) {
        float[] start = new float[n * probes];
        for (int i = 0; i < start.length; i++) {
            start[i] = random.nextBoolean() ? 1f : -1f;
        }
        INDArray block = q.projectOut(Nd4j.create(start, new long[] {n, probes}, 'c'));
        float[] flat = block.dup('c').data().asFloat();
        double[][][] basis = new double[probes][steps][];
        double[][] alpha = new double[probes][steps];
        double[][] beta = new double[probes][steps];
        int[] length = new int[probes];
        double[] startNormSquared = new double[probes];
        boolean[] done = new boolean[probes];
        for (int j = 0; j < probes; j++) {
            double[] v = column(flat, j, probes, n);
            double norm = norm(v);
            startNormSquared[j] = norm * norm;
            done[j] = norm == 0;
            if (!done[j]) {
                scale(v, 1 / norm);
                basis[j][0] = v;
            }
        }
        for (int s = 0; s < steps; s++) {
            float[] current = new float[n * probes];
            for (int j = 0; j < probes; j++) {
                if (!done[j]) {
                    for (int i = 0; i < n; i++) {
                        current[i * probes + j] = (float) basis[j][s][i];
                    }
                }
            }
            float[] product = q.projectOut(k.mmul(Nd4j.create(current, new long[] {n, probes}, 'c'))).dup('c').data().asFloat();
            for (int j = 0; j < probes; j++) {
                if (done[j]) {
                    continue;
                }
                double[] w = column(product, j, probes, n);
                double a = dot(w, basis[j][s]);
                alpha[j][s] = a;
                length[j] = s + 1;
                // Full reorthogonalisation (it subsumes the three-term recurrence): float products lose
                // orthogonality fast. The deflated subspace was projected out by the GEMM above.
                for (int r = 0; r <= s; r++) {
                    subtractProjection(w, basis[j][r]);
                }
                double b = norm(w);
                if (s + 1 == steps || b <= 1e-7 * Math.max(Math.abs(a), 1e-30)) {
                    done[j] = true; // the steps are used up, or the Krylov space is exhausted
                    continue;
                }
                beta[j][s] = b;
                scale(w, 1 / b);
                basis[j][s + 1] = w;
            }
        }
        double[][] sums = new double[probes][2];
        for (int j = 0; j < probes; j++) {
            int m = length[j];
            if (m == 0) {
                continue;
            }
            double[][] tri = new double[m][m];
            for (int i = 0; i < m; i++) {
                tri[i][i] = alpha[j][i];
                if (i + 1 < m) {
                    tri[i][i + 1] = beta[j][i];
                    tri[i + 1][i] = beta[j][i];
                }
            }
            JacobiEigen e = JacobiEigen.of(tri);
            for (int i = 0; i < m; i++) {
                double weight = e.vectors()[i][0] * e.vectors()[i][0] * startNormSquared[j];
                sums[j][0] += weight * power(e.values()[i], t);
                sums[j][1] += weight * powerLog(e.values()[i], t);
            }
        }
        return sums;
    }

    private static double[] column(float[] flat, int j, int width, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = flat[i * width + j];
        }
        return v;
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void scale(double[] a, double f) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= f;
        }
    }

    private static void subtractProjection(double[] v, double[] unit) {
        double c = dot(v, unit);
        for (int i = 0; i < v.length; i++) {
            v[i] -= c * unit[i];
        }
    }
}
