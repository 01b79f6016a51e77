package org.infolens.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
 * Speed side by side with pyref.py in one run, on the same files: tanh-like activations (float32, as
 * networks produce them), 10 label classes. infolens: median of warm runs in this JVM; pyref: best of
 * its runs; both estimation only, file loading excluded.
 */
@Command(name = "speed", mixinStandardHelpOptions = true, description = "Estimator speed side by side with pyref.py.")
final class SpeedBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "10000", description = "probe rows N (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--only", split = ",", description = "measures to run (default: all cases)")
    List<String> only;

    @Option(names = "--pyref-runs", defaultValue = "2", description = "pyref runs, best kept (default ${DEFAULT-VALUE})")
    int pyrefRuns;

    @Mixin
    PyRefOptions reference;

    /** One benchmark case. */
    record Case(String measure, int dims, Map<String, String> params) {
    }

    /** The configurations the issues name. k-NN without jitter: pyref has none. */
    static List<Case> cases() {
        return List.of(
                new Case("binning", 1024, Map.of("edges", "fixed-range")),
                new Case("binning", 20, Map.of("edges", "fixed-range")),
                new Case("binning", 1024, Map.of("edges", "adaptive", "low", "-1.000001")),
                new Case("binning", 20, Map.of("edges", "adaptive", "low", "-1.000001")),
                new Case("kde", 20, Map.of("bound", "upper", "noiseVariance", "0.1")),
                new Case("kde", 1024, Map.of("bound", "upper", "noiseVariance", "0.1")),
                new Case("ross", 20, Map.of("k", "3", "jitter", "0")),
                new Case("kl-entropy", 20, Map.of("k", "3", "jitter", "0")));
    }

    @Mixin
    LoadOption load;

    @Override
    public Integer call() throws Exception {
        try (LoadOption.Load running = load.start(out())) {
            return measure();
        }
    }

    private Integer measure() throws Exception {
        PyRef pyref = reference.locate();
        Path tmp = Files.createTempDirectory("infolens-speed-");
        int[] y = BenchSupport.labels(rows, 10, 2);
        Path labelsFile = tmp.resolve("labels.npy");
        Npy.write(labelsFile, y);
        Probe probe = Probe.of(y);
        out().printf(Locale.ROOT, "N = %d, tanh-like float32 activations, 10 classes; pyref: %s%n", rows, pyref);
        BenchSupport.printOpenBlas(out(), pyref);
        out().printf(Locale.ROOT, "infolens: median of warm runs in one JVM; pyref: best of %d; estimation only%n%n", pyrefRuns);
        out().printf(Locale.ROOT, "%-11s %5s  %-32s %10s %11s %9s %12s%n", "measure", "d", "params", "pyref s", "infolens s", "speed-up",
                "max rel diff");
        Map<Integer, Path> files = new LinkedHashMap<>();
        Map<Integer, Activations> data = new LinkedHashMap<>();
        for (Case c : cases()) {
            if (only != null && !only.contains(c.measure())) {
                continue;
            }
            Activations t = data.computeIfAbsent(c.dims(), d -> BenchSupport.tanhLike(rows, d, d));
            Path file = files.get(c.dims());
            if (file == null) {
                file = tmp.resolve("t" + c.dims() + ".npy");
                Npy.write(file, t);
                files.put(c.dims(), file);
            }
            double best = Double.POSITIVE_INFINITY;
            PyRef.Result ref = null;
            Map<String, String> pyrefParams = new LinkedHashMap<>(c.params());
            pyrefParams.remove("jitter");
            for (int r = 0; r < pyrefRuns; r++) {
                ref = pyref.run(c.measure(), file, labelsFile, pyrefParams);
                best = Math.min(best, ref.seconds());
            }
            BenchSupport.Timed ours = BenchSupport.time(BenchSupport.measure(c.measure(), c.params()), t, probe, 2, 5);
            out().printf(Locale.ROOT, "%-11s %5d  %-32s %10.3f %11.4f %8.1fx %12.1e%n", c.measure(), c.dims(), c.params(), best,
                    ours.medianSeconds(), best / ours.medianSeconds(),
                    BenchSupport.relativeDifference(ours.outcome().estimate().values(), ref.values()));
            out().flush();
        }
        FileTrees.delete(tmp);
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
