package org.infolens.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seconds per estimate against N for each estimator (d = 20, 10 classes, inputs of 20 dimensions for
 * ksg and lossy), and the exponent of a power law fitted through the points that took over 50 ms.
 * A ladder stops once an estimate took longer than --max-seconds.
 */
@Command(name = "scaling", mixinStandardHelpOptions = true, description = "Estimator time against N, with the fitted exponent.")
final class ScalingBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", defaultValue = "1000,5000,10000,20000,50000", split = ",", description = "N values (default ${DEFAULT-VALUE})")
    int[] sizes;

    @Option(names = "--dims", defaultValue = "20", description = "layer width (default ${DEFAULT-VALUE})")
    int dims;

    @Option(names = "--max-seconds", defaultValue = "120", description = "stop a ladder after an estimate this slow (default ${DEFAULT-VALUE})")
    double maxSeconds;

    @Option(names = "--only", split = ",", description = "measures to run (default: all)")
    List<String> only;

    @Override
    public Integer call() {
        List<Map.Entry<String, Map<String, String>>> measures = List.of(
                Map.entry("binning", Map.of("edges", "adaptive")),
                Map.entry("kde", Map.of("bound", "upper")),
                Map.entry("kl-entropy", Map.of()),
                Map.entry("ross", Map.of()),
                Map.entry("ksg", Map.of()),
                Map.entry("lossy", Map.of("inputCompression", "pca")));
        out().printf(Locale.ROOT, "seconds per estimate (warm, one JVM), d = %d, 10 classes%n%n%-11s", dims, "measure");
        for (int n : sizes) {
            out().printf(Locale.ROOT, " %10s", "N=" + n);
        }
        out().printf(Locale.ROOT, " %9s%n", "exponent");
        for (Map.Entry<String, Map<String, String>> m : measures) {
            if (only != null && !only.contains(m.getKey())) {
                continue;
            }
            out().printf(Locale.ROOT, "%-11s", m.getKey());
            List<double[]> points = new ArrayList<>();
            boolean stopped = false;
            for (int n : sizes) {
                if (stopped) {
                    out().printf(Locale.ROOT, " %10s", "-");
                    continue;
                }
                Activations t = BenchSupport.tanhLike(n, dims, n);
                Probe probe = Probe.of(BenchSupport.labels(n, 10, n + 1)).withInputs(BenchSupport.gaussian(n, dims, n + 2));
                double s = BenchSupport.time(BenchSupport.measure(m.getKey(), m.getValue()), t, probe, 1, n <= 10000 ? 3 : 1).medianSeconds();
                out().printf(Locale.ROOT, " %10.3f", s);
                out().flush();
                if (s > 0.05) {
                    points.add(new double[] {Math.log(n), Math.log(s)});
                }
                stopped = s > maxSeconds;
            }
            out().printf(Locale.ROOT, " %9s%n", points.size() >= 2 ? String.format(Locale.ROOT, "%.2f", slope(points)) : "n/a");
        }
        return 0;
    }

    private static double slope(List<double[]> p) {
        double mx = p.stream().mapToDouble(a -> a[0]).average().orElseThrow();
        double my = p.stream().mapToDouble(a -> a[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] a : p) {
            sxy += (a[0] - mx) * (a[1] - my);
            sxx += (a[0] - mx) * (a[0] - mx);
        }
        return sxy / sxx;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
