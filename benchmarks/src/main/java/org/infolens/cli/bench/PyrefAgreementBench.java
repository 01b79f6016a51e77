package org.infolens.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.infolens.cli.Estimation;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.io.Npy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Values against pyref.py on generated data, every estimator pyref has: the files are float64 (of
 * float32 values, which infolens holds exactly), so pyref computes in double as infolens does, and
 * k-NN estimators run without jitter, as pyref's do.
 */
@Command(name = "pyref", mixinStandardHelpOptions = true, description = "Estimates against pyref.py on generated data.")
final class PyrefAgreementBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "2000", description = "N (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--dims", defaultValue = "5", description = "columns of T (default ${DEFAULT-VALUE}; above 10 the k-NN"
            + " search uses bitmaps, above 64 the kernel bounds prune on a projection)")
    int dims;

    @Option(names = "--seed", defaultValue = "5")
    long seed;

    @Mixin
    PyRefOptions reference;

    @Override
    public Integer call() throws Exception {
        PyRef pyref = reference.locate();
        Path tmp = Files.createTempDirectory("infolens-pyref-");
        Activations t = BenchSupport.tanhLike(rows, dims, seed);
        float[] x = new float[rows * 3]; // inputs X: related to T, for ksg
        Activations noise = BenchSupport.gaussian(rows, 3, seed + 1);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < 3; j++) {
                x[r * 3 + j] = (float) (0.7 * t.get(r, j) + 0.5 * noise.get(r, j));
            }
        }
        Activations inputs = Activations.wrap(x, rows, 3);
        int[] y = BenchSupport.labels(rows, 4, seed + 2);
        Path tFile = tmp.resolve("t.npy");
        Path xFile = tmp.resolve("x.npy");
        Npy.writeFloat64(tFile, t);
        Npy.writeFloat64(xFile, inputs);
        Path yFile = tmp.resolve("y.npy");
        Npy.write(yFile, y);
        Probe probe = Probe.of(y).withInputs(inputs);
        List<Map.Entry<String, Map<String, String>>> configs = List.of(
                Map.entry("binning", Map.of("edges", "fixed-range")),
                Map.entry("binning", Map.of("edges", "fixed-width", "binSize", "0.07")),
                Map.entry("binning", Map.of("edges", "global-minmax", "bins", "100")),
                Map.entry("binning", Map.of("edges", "adaptive", "low", "-1.000001")),
                Map.entry("kde", Map.of("bound", "upper", "noiseVariance", "0.1")),
                Map.entry("kde", Map.of("bound", "lower", "noiseVariance", "0.1")),
                Map.entry("kde", Map.of("bound", "upper", "noiseVariance", "0.001")),
                Map.entry("kde", Map.of("bound", "upper", "noiseVariance", "1")),
                Map.entry("kl-entropy", Map.of("k", "3", "jitter", "0")),
                Map.entry("kl-entropy", Map.of("k", "5", "jitter", "0")),
                Map.entry("ross", Map.of("k", "3", "jitter", "0")),
                Map.entry("ksg", Map.of("k", "3", "algorithm", "1", "jitter", "0")),
                Map.entry("ksg", Map.of("k", "3", "algorithm", "2", "jitter", "0")),
                Map.entry("dse", Map.of("sigma", "10", "t", "1")),
                Map.entry("dse", Map.of("sigma", "1", "t", "1")),
                Map.entry("dse", Map.of("sigma", "1", "t", "3")),
                Map.entry("dse", Map.of("sigma", "0.3", "t", "2")));
        out().printf(Locale.ROOT, "N = %d, T: %d tanh-like columns, X: 3 columns related to T, 4 classes (float64 files); pyref: %s%n%n", rows, dims, pyref);
        out().printf(Locale.ROOT, "%-11s %-48s %14s%n", "measure", "params", "max rel diff");
        double worst = 0;
        for (Map.Entry<String, Map<String, String>> c : configs) {
            Map<String, String> pyrefParams = new LinkedHashMap<>(c.getValue());
            pyrefParams.remove("jitter");
            boolean ksg = c.getKey().equals("ksg");
            boolean unlabelled = ksg || c.getKey().equals("kl-entropy") || c.getKey().equals("dse");
            PyRef.Result ref = pyref.run(c.getKey(), tFile, unlabelled ? null : yFile, ksg ? xFile : null, pyrefParams);
            Estimation.Outcome ours = Estimation.estimateOnce(BenchSupport.measure(c.getKey(), c.getValue()), t, probe);
            double diff = BenchSupport.relativeDifference(ours.estimate().values(), ref.values());
            worst = Math.max(worst, diff);
            out().printf(Locale.ROOT, "%-11s %-48s %14.2e%n", c.getKey(), c.getValue(), diff);
        }
        out().printf(Locale.ROOT, "%nlargest relative difference %.2e (the bar: 1e-9)%n", worst);
        boolean dsmiAgrees = compareDsmi(t, tmp);
        BenchSupport.deleteTree(tmp);
        return worst <= 1e-9 && dsmiAgrees ? 0 : 1;
    }

    /**
     * DSMI draws random subsets, from numpy's generator in pyref and from Java's here: the two agree in
     * distribution, not draw by draw. Labels from the signs of T's first two columns (4 classes, strongly
     * related to T); {@value #DSMI_SEEDS} seeds each; agreement = the means within 3 standard errors of
     * their difference.
     */
    private boolean compareDsmi(Activations t, Path tmp) throws java.io.IOException {
        int[] signs = new int[rows];
        for (int r = 0; r < rows; r++) {
            signs[r] = (t.get(r, 0) > 0 ? 1 : 0) + (t.get(r, 1) > 0 ? 2 : 0);
        }
        Path signFile = tmp.resolve("signs.npy");
        Npy.write(signFile, signs);
        PyRef pyref = reference.locate();
        double[] ours = new double[DSMI_SEEDS];
        double[] theirs = new double[DSMI_SEEDS];
        for (int s = 0; s < DSMI_SEEDS; s++) {
            Map<String, String> params = Map.of("sigma", "1", "t", "1", "repetitions", "5", "seed", String.valueOf(s));
            theirs[s] = pyref.run("dsmi", tFile(tmp), signFile, params).values().get("DSMI");
            ours[s] = Estimation.estimateOnce(BenchSupport.measure("dsmi", params), t, Probe.of(signs)).estimate().value("DSMI_TY");
        }
        double se = Math.sqrt(variance(ours) / DSMI_SEEDS + variance(theirs) / DSMI_SEEDS);
        double diff = mean(ours) - mean(theirs);
        out().printf(Locale.ROOT, "%ndsmi (sigma 1, t 1, 5 repetitions; labels = signs of T's first two columns), %d seeds each:%n"
                + "  infolens %.4f +- %.4f, pyref %.4f +- %.4f (mean +- sd); difference %.4f = %.1f standard errors%n",
                DSMI_SEEDS, mean(ours), Math.sqrt(variance(ours)), mean(theirs), Math.sqrt(variance(theirs)), diff, Math.abs(diff) / se);
        return Math.abs(diff) <= 3 * se;
    }

    private static final int DSMI_SEEDS = 5;

    private static Path tFile(Path tmp) {
        return tmp.resolve("t.npy");
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double variance(double[] v) {
        double m = mean(v);
        return java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1);
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
