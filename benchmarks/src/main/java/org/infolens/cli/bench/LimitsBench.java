package org.infolens.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.superposition.EffectiveFeatures;
import org.infolens.numeric.Parallel;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Each estimator against the machine's physical limit: this machine's float32 and float64 GEMM peak through ND4J and
 * its memory bandwidth, then each estimator's time beside the time its defining work would take at that limit,
 * and the fraction of the limit it reaches (limit time / measured time). The work is the textbook algorithm's: one
 * pass over the N x d values for binning, 2 N^2 d flops for the kernel bounds and k-NN (the brute-force pair
 * computation; ours prunes pairs, so a fraction above 1 means less work than that, not a machine beaten), the
 * tridiagonal reduction's 4/3 N^3 flops (plus the kernel's 2 N^2 d) for exact DSE, and the sparse autoencoder's
 * products for effective features (float32, as it trains; {@link SuperpositionBench#autoencoderFlops}, from the epochs
 * the estimate ran: a cold start capped at 3 epochs on a layer 256 wide).
 */
@Command(name = "limits", mixinStandardHelpOptions = true,
        description = "GEMM peak and memory bandwidth of this machine, and each estimator's fraction of its limit.")
final class LimitsBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "10000", description = "probe rows N (default ${DEFAULT-VALUE}; exact DSE uses --dse-rows)")
    int rows;

    @Option(names = "--dse-rows", defaultValue = "2000", description = "N for exact DSE (default ${DEFAULT-VALUE}; 0 skips)")
    int dseRows;

    @Option(names = "--gemm-size", defaultValue = "2048", description = "m = k = n of the peak GEMM (default ${DEFAULT-VALUE})")
    int gemmSize;

    @Mixin
    LoadOption load;

    /**
     * One row of the table: an estimator, which limit bounds it, and its work in that limit's unit (bytes or flops),
     * given the estimate (the autoencoder's work depends on the epochs it ran).
     */
    record Work(String measure, int dims, Map<String, String> params, String limit, ToDoubleFunction<Estimate> amount) {

        Work(String measure, int dims, Map<String, String> params, String limit, double amount) {
            this(measure, dims, params, limit, e -> amount);
        }
    }

    /** Width of the effective-features row's layer, and its autoencoder's epochs (a cold start, capped). */
    private static final int SAE_WIDTH = 256;
    private static final int SAE_EPOCHS = 3;

    @Override
    public Integer call() throws Exception {
        try (LoadOption.Load running = load.start(out())) {
            return measure();
        }
    }

    private Integer measure() throws Exception {
        BenchSupport.printOpenBlas(out(), null);
        GemmPeak.Result f32 = GemmPeak.of(DataType.FLOAT, gemmSize, gemmSize, gemmSize).measure();
        GemmPeak.Result f64 = GemmPeak.of(DataType.DOUBLE, gemmSize, gemmSize, gemmSize).measure();
        double bandwidth = copyBandwidth();
        out().printf(Locale.ROOT, "%s%n%s%nmemory bandwidth (Java copy of 256 MB, %d threads, read + written bytes): %.1f GB/s%n%n", f32, f64, Parallel.threads(),
                bandwidth / 1e9);
        out().printf(Locale.ROOT, "%-11s %5s  %-32s %-10s %11s %11s %10s%n", "measure", "d", "params", "limit", "at limit s", "infolens s",
                "fraction");
        int[] y = BenchSupport.labels(rows, 10, 2);
        Probe probe = Probe.of(y);
        for (Work w : work(y)) {
            int n = w.measure().equals("dse") ? dseRows : rows;
            if (n <= 0) {
                continue;
            }
            Activations t = BenchSupport.tanhLike(n, w.dims(), w.dims());
            Probe p = w.measure().equals("dse") ? Probe.unlabelled(n, null) : probe;
            BenchSupport.Timed ours = BenchSupport.time(BenchSupport.measure(w.measure(), w.params()), t, p, 1, slow(w) ? 1 : 3);
            double amount = w.amount().applyAsDouble(ours.outcome().estimate());
            double atLimit = switch (w.limit()) {
                case "bandwidth" -> amount / bandwidth;
                case "fp64 GEMM" -> f64.secondsAtPeak(amount);
                default -> f32.secondsAtPeak(amount);
            };
            out().printf(Locale.ROOT, "%-11s %5d  %-32s %-10s %11.4f %11.4f %9.1f%%%n", w.measure(), w.dims(), w.params(), w.limit(), atLimit,
                    ours.medianSeconds(), 100 * atLimit / ours.medianSeconds());
            out().flush();
        }
        return 0;
    }

    /** Exact DSE and the autoencoder take seconds an estimate: one timed run after the warm-up. */
    private static boolean slow(Work w) {
        return w.measure().equals("dse") || w.measure().equals(EffectiveFeatures.NAME);
    }

    /** The estimators and their defining work at this N (labels: the per-class terms add sum_c n_c^2 pairs). */
    private List<Work> work(int[] labels) {
        double n = rows;
        int[] counts = new int[10];
        for (int c : labels) {
            counts[c]++;
        }
        double classPairs = Arrays.stream(counts).mapToDouble(c -> (double) c * c).sum();
        List<Work> w = new ArrayList<>();
        for (int d : new int[] {20, 1024}) {
            w.add(new Work("binning", d, Map.of("edges", "fixed-range"), "bandwidth", 4 * n * d));
        }
        for (int d : new int[] {20, 1024}) {
            w.add(new Work("kde", d, Map.of("bound", "upper", "noiseVariance", "0.1"), "fp64 GEMM", 2 * (n * n + classPairs) * d));
        }
        w.add(new Work("kl-entropy", 20, Map.of("k", "3", "jitter", "0"), "fp64 GEMM", 2 * n * n * 20));
        double m = dseRows;
        w.add(new Work("dse", 1024, Map.of("sigma", "10", "t", "1", "method", "exact"), "fp64 GEMM", 4.0 / 3 * m * m * m + 2 * m * m * 1024));
        w.add(new Work(EffectiveFeatures.NAME, SAE_WIDTH, Map.of("rows", Integer.toString(rows), "maxEpochs", Integer.toString(SAE_EPOCHS),
                "warmStart", "false"), "fp32 GEMM",
                e -> SuperpositionBench.autoencoderFlops(rows, SAE_WIDTH, (int) e.layerParameters().get("dictionary"), (int) e.details().get("epochs"))));
        return w;
    }

    /**
     * Bytes per second moved by a parallel copy of 256 MB (System.arraycopy, each thread its share; read plus written
     * bytes, as STREAM's copy counts them), best of 5 after one pass that touches the pages. A Java sum loop would
     * measure the scalar additions instead: the JIT does not vectorise a floating-point reduction.
     */
    private static double copyBandwidth() {
        float[] source = new float[64 << 20];
        float[] target = new float[source.length];
        Arrays.fill(source, 1f);
        int chunks = Parallel.threads();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < 6; r++) {
            long start = System.nanoTime();
            Parallel.forChunks(source.length, chunks, (chunk, lo, hi) -> System.arraycopy(source, lo, target, lo, hi - lo));
            if (r > 0) {
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
        }
        if (target[target.length - 1] != 1f) {
            throw new IllegalStateException("bandwidth copy did not reach the end of the array");
        }
        return 2 * 4.0 * source.length / best;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
