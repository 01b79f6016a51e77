package org.infolens.cli.bench;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The GEMM rate this machine reaches through ND4J: {@code C = A B} with A m x k and B k x n in one data type,
 * warmed up, 2 m k n flops per call. Benchmarks divide an estimator's flops by it to say how near the
 * machine's limit the estimator runs.
 *
 * <pre>{@code
 * GemmPeak.Result peak = GemmPeak.of(DataType.FLOAT, 2048, 2048, 2048).measure();
 * double seconds = flops / (peak.gflops() * 1e9);   // the time this work would take at the peak
 * }</pre>
 */
public final class GemmPeak {

    private final DataType type;
    private final int m;
    private final int k;
    private final int n;
    private final double warmUpSeconds;
    private final int timedCalls;

    private GemmPeak(DataType type, int m, int k, int n, double warmUpSeconds, int timedCalls) {
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("GEMM peak: data type must be FLOAT or DOUBLE, not " + type);
        }
        if (m <= 0 || k <= 0 || n <= 0) {
            throw new IllegalArgumentException("GEMM peak: shape " + m + " x " + k + " . " + k + " x " + n + " must be positive");
        }
        if (!(warmUpSeconds >= 0) || timedCalls <= 0) {
            throw new IllegalArgumentException("GEMM peak: warm-up " + warmUpSeconds + " s and " + timedCalls + " timed calls must be >= 0 and > 0");
        }
        this.type = type;
        this.m = m;
        this.k = k;
        this.n = n;
        this.warmUpSeconds = warmUpSeconds;
        this.timedCalls = timedCalls;
    }

    /** {@code C = A B} with A {@code m x k}, B {@code k x n}; warm-up 1 s, then 5 timed calls. */
    public static GemmPeak of(DataType type, int m, int k, int n) {
        return new GemmPeak(type, m, k, n, 1.0, 5);
    }

    /** The same product with another warm-up and number of timed calls. */
    public GemmPeak timing(double warmUpSeconds, int timedCalls) {
        return new GemmPeak(type, m, k, n, warmUpSeconds, timedCalls);
    }

    /** Runs the product until the warm-up has passed (at least once), then times {@code timedCalls} calls. */
    public Result measure() {
        INDArray a = Nd4j.rand(type, m, k);
        INDArray b = Nd4j.rand(type, k, n);
        INDArray c = Nd4j.create(type, m, n);
        long warmUntil = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        do {
            Nd4j.gemm(a, b, c, false, false, 1, 0);
        } while (System.nanoTime() < warmUntil);
        double[] seconds = new double[timedCalls];
        for (int r = 0; r < timedCalls; r++) {
            long start = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1, 0);
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        double flops = 2.0 * m * k * n;
        return new Result(type, m, k, n, flops / seconds[0] / 1e9, flops / seconds[timedCalls / 2] / 1e9);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GemmPeak[%s %d x %d . %d x %d, warm-up %.1f s, %d timed]", type, m, k, k, n, warmUpSeconds, timedCalls);
    }

    /**
     * A measured rate: {@code gflops} from the fastest timed call (the peak: what the machine can do when nothing
     * interferes), {@code medianGflops} from the median (what a loaded machine gives).
     */
    public record Result(DataType type, int m, int k, int n, double gflops, double medianGflops) {

        /** Seconds that {@code flops} take at the peak rate. */
        public double secondsAtPeak(double flops) {
            return flops / (gflops * 1e9);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s GEMM %d x %d . %d x %d: %.1f GFLOPS peak, %.1f median", type, m, k, k, n, gflops, medianGflops);
        }
    }
}
