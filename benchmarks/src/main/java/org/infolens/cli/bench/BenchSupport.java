package org.infolens.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.infolens.cli.Estimation;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureSpec;

/** What the benchmarks share: seeded data, measures from pyref-style parameters, warm timing. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** tanh of Gaussians (scale 1.5), seeded: "tanh-like" activations. */
    static Activations tanhLike(int rows, int dims, long seed) {
        Random rnd = new Random(seed);
        float[] v = new float[rows * dims];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.tanh(1.5 * rnd.nextGaussian());
        }
        return Activations.wrap(v, rows, dims);
    }

    /** Standard normal values, seeded. */
    static Activations gaussian(int rows, int dims, long seed) {
        Random rnd = new Random(seed);
        float[] v = new float[rows * dims];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return Activations.wrap(v, rows, dims);
    }

    static int[] labels(int rows, int classes, long seed) {
        Random rnd = new Random(seed);
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = rnd.nextInt(classes);
        }
        return y;
    }

    /** A measure from its name and parameters as text, as the estimate command builds it. */
    static Measure measure(String name, Map<String, String> params) {
        return EstimatorCatalog.create(new MeasureSpec(name, new java.util.LinkedHashMap<>(params)));
    }

    /** Warm timing: runs until at least {@code minRuns} and 2 s have passed, then the median of {@code timed} runs. */
    static Timed time(Measure m, Activations t, Probe probe, int minRuns, int timed) {
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        Estimation.Outcome out = null;
        for (int w = 0; w < minRuns || System.nanoTime() < warmUntil; w++) {
            out = Estimation.estimateOnce(m, t, probe);
        }
        double[] s = new double[timed];
        for (int r = 0; r < timed; r++) {
            out = Estimation.estimateOnce(m, t, probe);
            s[r] = out.seconds();
        }
        Arrays.sort(s);
        return new Timed(out, s[timed / 2]);
    }

    /** The last outcome and the median seconds. */
    record Timed(Estimation.Outcome outcome, double medianSeconds) {
    }

    /** Largest |a - b| over the values both have, relative to max(1, |b|). */
    static double relativeDifference(Map<String, Double> ours, Map<String, Double> reference) {
        double worst = 0;
        for (Map.Entry<String, Double> e : reference.entrySet()) {
            Double o = ours.get(e.getKey());
            if (o == null) {
                return Double.NaN;
            }
            worst = Math.max(worst, Math.abs(o - e.getValue()) / Math.max(1, Math.abs(e.getValue())));
        }
        return worst;
    }

    /**
     * Which OpenBLAS each side runs: every OpenBLAS loaded in this JVM (ND4J's, and the system one where exact
     * eigenvalues take that route) with its kernel, under this JVM's OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE; and numpy's
     * as pyref runs it (both variables unset).
     */
    static void printOpenBlas(java.io.PrintWriter out, PyRef pyref) throws IOException {
        String route = org.infolens.estimate.spectral.SymmetricEigenvalues.route(); // loads the system OpenBLAS where it is used
        out.printf("infolens: OPENBLAS_CORETYPE=%s, OPENBLAS_L2_SIZE=%s; eigenvalues: %s%n", System.getenv("OPENBLAS_CORETYPE"),
                System.getenv("OPENBLAS_L2_SIZE"), route);
        for (String lib : loadedOpenBlas()) {
            out.printf("  loaded: %s%n", lib);
        }
        if (pyref != null) {
            out.printf("pyref:    %s (OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset)%n", pyref.openBlas());
        }
    }

    /** The OpenBLAS libraries mapped into this process (Linux), each with its build and the kernel it chose. */
    private static java.util.List<String> loadedOpenBlas() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return java.util.List.of("(no /proc/self/maps: not Linux)");
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String lib : Files.readAllLines(maps).stream().map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .filter(f -> f.contains("libopenblas") && f.contains(".so")).distinct().toList()) {
            try { // already loaded: dlopen returns the same library
                com.sun.jna.NativeLibrary h = com.sun.jna.NativeLibrary.getInstance(lib, Map.of(com.sun.jna.Library.OPTION_OPEN_FLAGS, 1));
                out.add(lib + ": " + h.getFunction("openblas_get_config").invokeString(new Object[0], false).strip() + ", kernel "
                        + h.getFunction("openblas_get_corename").invokeString(new Object[0], false));
            } catch (UnsatisfiedLinkError e) { // a BLAS-less part (the LAPACK-only library of some builds)
                out.add(lib);
            }
        }
        return out;
    }
}
