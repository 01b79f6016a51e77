package org.infolens.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.infolens.cli.Estimation;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.io.FileTrees;
import org.infolens.io.Npy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Diffusion spectral entropy: exact DSE side by side with pyref.py at the sizes the issue names, then
 * the stochastic Lanczos quadrature against our exact value at a larger N (error and speed-up), on
 * tanh-like activations. infolens: the median of warm runs; pyref: best of its runs.
 */
@Command(name = "dse", mixinStandardHelpOptions = true, description = "Exact DSE against pyref.py; approximate DSE against exact.")
final class DseBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--exact-rows", split = ",", defaultValue = "2000,5000", description = "N for exact vs pyref (default ${DEFAULT-VALUE}; 0 skips)")
    List<Integer> exactRows;

    @Option(names = "--approximate-rows", defaultValue = "10000", description = "N for slq vs exact (default ${DEFAULT-VALUE}; 0 skips)")
    int approximateRows;

    @Option(names = "--dims", defaultValue = "1024", description = "columns (default ${DEFAULT-VALUE})")
    int dims;

    @Option(names = "--sigma", split = ",", defaultValue = "10,median", description = "kernel widths for the slq comparison (default ${DEFAULT-VALUE})")
    List<String> sigmas;

    @Option(names = "--pyref-runs", defaultValue = "1", description = "pyref runs, best kept (default ${DEFAULT-VALUE})")
    int pyrefRuns;

    @Mixin
    PyRefOptions reference;

    @Mixin
    LoadOption load;

    @Override
    public Integer call() throws Exception {
        try (LoadOption.Load running = load.start(out())) {
            return measure();
        }
    }

    private Integer measure() throws Exception {
        Path tmp = Files.createTempDirectory("infolens-dse-");
        exactRows.removeIf(n -> n <= 0);
        PyRef pyref = exactRows.isEmpty() ? null : reference.locate();
        out().printf(Locale.ROOT, "tanh-like float32 activations, d = %d%n", dims);
        BenchSupport.printOpenBlas(out(), pyref);
        out().println();
        if (pyref != null) {
            out().printf(Locale.ROOT, "exact DSE (sigma 10, t 1) vs pyref %s%n", pyref);
            out().printf(Locale.ROOT, "%6s %10s %11s %9s %12s%n", "N", "pyref s", "infolens s", "speed-up", "rel diff");
            for (int n : exactRows) {
                Activations t = BenchSupport.tanhLike(n, dims, n);
                Path file = tmp.resolve("t" + n + ".npy");
                Npy.write(file, t);
                Map<String, String> params = Map.of("sigma", "10", "t", "1");
                double best = Double.POSITIVE_INFINITY;
                PyRef.Result ref = null;
                for (int r = 0; r < pyrefRuns; r++) {
                    ref = pyref.run("dse", file, null, params);
                    best = Math.min(best, ref.seconds());
                }
                Map<String, String> exact = Map.of("sigma", "10", "t", "1", "method", "exact"); // whatever N: this compares exact with exact
                BenchSupport.Timed ours = BenchSupport.time(BenchSupport.measure("dse", exact), t, Probe.unlabelled(n, null), 1, 1);
                out().printf(Locale.ROOT, "%6d %10.3f %11.3f %8.2fx %12.1e%n", n, best, ours.medianSeconds(), best / ours.medianSeconds(),
                        BenchSupport.relativeDifference(ours.outcome().estimate().values(), ref.values()));
                out().flush();
            }
        }
        if (approximateRows > 0) {
            int n = approximateRows;
            Activations t = BenchSupport.tanhLike(n, dims, n);
            Probe probe = Probe.unlabelled(n, null);
            out().printf(Locale.ROOT, "%nN = %d: stochastic Lanczos quadrature (defaults) vs exact, both infolens%n", n);
            out().printf(Locale.ROOT, "%-7s %10s %9s %9s %9s %12s %10s%n", "sigma", "exact bits", "slq bits", "error", "slq se", "exact s", "slq s");
            for (String sigma : sigmas) {
                // One exact run: it is minutes of LAPACK at this N, which no JIT warm-up changes.
                Estimation.Outcome exact = Estimation.estimateOnce(BenchSupport.measure("dse", Map.of("sigma", sigma, "method", "exact")), t, probe);
                BenchSupport.Timed slq = BenchSupport.time(BenchSupport.measure("dse", Map.of("sigma", sigma, "method", "slq")), t, probe, 1, 3);
                double e = exact.estimate().value("DSE");
                double a = slq.outcome().estimate().value("DSE");
                out().printf(Locale.ROOT, "%-7s %10.4f %9.4f %9.4f %9.4f %12.2f %10.2f  (%.1fx)%n", sigma, e, a, a - e,
                        (Double) slq.outcome().estimate().details().get("standardErrorBits"), exact.seconds(), slq.medianSeconds(),
                        exact.seconds() / slq.medianSeconds());
                out().flush();
            }
        }
        FileTrees.delete(tmp);
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
