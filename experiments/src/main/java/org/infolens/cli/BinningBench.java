package org.infolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.io.Npy;
import org.infolens.measure.Measure;
import org.infolens.measure.Parameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/**
 * Binning speed against pyref.py in one run, on the same files: tanh-like activations (tanh of
 * Gaussians, seeded), fixed-range and adaptive edges. infolens: median of warm repetitions in this
 * JVM; pyref: best of its runs; both estimation only, file loading excluded.
 */
@Command(name = "binning", mixinStandardHelpOptions = true, description = "Binning estimators side by side with pyref.py.")
final class BinningBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "10000", description = "probe rows N (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--widths", defaultValue = "1024,20", split = ",", description = "layer widths d (default ${DEFAULT-VALUE})")
    int[] widths;

    @Option(names = "--classes", defaultValue = "10", description = "label classes (default ${DEFAULT-VALUE})")
    int classes;

    @Option(names = "--edges", defaultValue = "fixed-range,adaptive", split = ",", description = "edge strategies (default ${DEFAULT-VALUE})")
    List<String> edges;

    @Option(names = "--repeats", defaultValue = "9", description = "timed infolens repetitions (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--pyref-runs", defaultValue = "3", description = "pyref runs, best kept (default ${DEFAULT-VALUE})")
    int pyrefRuns;

    @Option(names = "--pyref", paramLabel = "FILE", description = "path of pyref.py (default ../shared/anchors/pyref.py)")
    Path pyrefScript;

    @Option(names = "--python", defaultValue = "python3", description = "Python with numpy and scipy (default ${DEFAULT-VALUE})")
    String python;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Override
    public Integer call() throws Exception {
        PyRef pyref = PyRef.locate(pyrefScript, python);
        Path tmp = Files.createTempDirectory("infolens-bench-");
        Random rnd = new Random(seed);
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = rnd.nextInt(classes);
        }
        Path labelsFile = tmp.resolve("labels.npy");
        Npy.write(labelsFile, y);
        Probe probe = Probe.of(y);
        out().printf(Locale.ROOT, "binning, N = %d, %d classes, tanh-like activations; pyref: %s%n", rows, classes, pyref);
        out().printf(Locale.ROOT, "infolens: median of %d runs after a 2 s warm-up; pyref: best of %d; estimation only%n%n", repeats, pyrefRuns);
        out().printf(Locale.ROOT, "%6s  %-12s %10s %12s %9s %14s%n", "d", "edges", "pyref s", "infolens s", "speed-up", "max |diff| bits");
        for (int d : widths) {
            float[] v = new float[rows * d];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) Math.tanh(1.5 * rnd.nextGaussian());
            }
            Activations t = Activations.wrap(v, rows, d);
            Path file = tmp.resolve("t" + d + ".npy");
            Npy.write(file, t);
            for (String e : edges) {
                Map<String, String> params = new LinkedHashMap<>();
                params.put("edges", e);
                if (e.equals("adaptive")) {
                    params.put("low", "-1.000001"); // pyref's default low is 0, for ReLU layers
                }
                double best = Double.POSITIVE_INFINITY;
                PyRef.Result ref = null;
                for (int r = 0; r < pyrefRuns; r++) {
                    ref = pyref.run("binning", file, labelsFile, params);
                    best = Math.min(best, ref.seconds());
                }
                List<String> items = new ArrayList<>();
                params.forEach((k, val) -> items.add(k + "=" + val));
                Measure m = EstimatorCatalog.named("binning").create(Parameters.parse("binning", items));
                // Warm-up as a training run warms it (hundreds of estimates): at least 20 runs and 2 s.
                EstimateCommand.Outcome out = null;
                long warmUntil = System.nanoTime() + 2_000_000_000L;
                for (int w = 0; w < 20 || System.nanoTime() < warmUntil; w++) {
                    out = EstimateCommand.estimateOnce(m, t, probe);
                }
                double[] secs = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    out = EstimateCommand.estimateOnce(m, t, probe);
                    secs[r] = out.seconds();
                }
                Arrays.sort(secs);
                double median = secs[repeats / 2];
                double diff = 0;
                for (Map.Entry<String, Double> x : ref.valuesBits().entrySet()) {
                    diff = Math.max(diff, Math.abs(x.getValue() - out.estimate().value(x.getKey())));
                }
                out().printf(Locale.ROOT, "%6d  %-12s %10.4f %12.5f %8.1fx %14.2e%n", d, e, best, median, best / median, diff);
            }
        }
        try (var walk = Files.walk(tmp)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
