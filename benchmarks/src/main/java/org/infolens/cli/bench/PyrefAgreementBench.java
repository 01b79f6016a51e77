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
import org.infolens.io.FileTrees;
import org.infolens.io.MatrixFiles;
import org.infolens.io.Npy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Values against pyref.py on generated data, every estimator pyref has; k-NN estimators run without
 * jitter, as pyref's do. With {@code --precision float32} (the default) the files are float64 of
 * float32 values, which infolens holds exactly, so pyref computes in double as infolens does. With
 * {@code float64} the data are float64 proper, read back from their files as {@code estimate} reads
 * them, with ties (repeated rows, values on a grid) and levels closer than float32 can tell apart:
 * values rounded to float32 would leave the reference.
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

    @Option(names = "--precision", defaultValue = "float32", description = "float32 or float64 data (default ${DEFAULT-VALUE})")
    String precision;

    @Mixin
    PyRefOptions reference;

    @Override
    public Integer call() throws Exception {
        if (!precision.equals("float32") && !precision.equals("float64")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--precision is float32 or float64, got " + precision);
        }
        boolean float64 = precision.equals("float64");
        PyRef pyref = reference.locate();
        Path tmp = Files.createTempDirectory("infolens-pyref-");
        Activations t = float64 ? float64WithTies(BenchSupport.tanhLike(rows, dims, seed)) : BenchSupport.tanhLike(rows, dims, seed);
        double[] x = new double[rows * 3]; // inputs X: related to T, for ksg
        Activations noise = BenchSupport.gaussian(rows, 3, seed + 1);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < 3; j++) {
                x[r * 3 + j] = 0.7 * t.get(r, j) + 0.5 * noise.get(r, j);
            }
        }
        if (float64) {
            repeatEveryTenthRow(x, 3);
        }
        Activations inputs = float64 ? Activations.wrap(x, rows, 3) : Activations.ofRows(toRows(x, 3));
        int[] y = BenchSupport.labels(rows, 4, seed + 2);
        Path tFile = tmp.resolve("t.npy");
        Path xFile = tmp.resolve("x.npy");
        if (float64) {
            Npy.write(tFile, t);
            Npy.write(xFile, inputs);
            t = MatrixFiles.readMatrix(tFile); // as `estimate` reads them: float64 stays float64
            inputs = MatrixFiles.readMatrix(xFile);
        } else {
            Npy.writeFloat64(tFile, t);
            Npy.writeFloat64(xFile, inputs);
        }
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
                Map.entry("ksg", Map.of("k", "3", "algorithm", "2", "jitter", "0")));
        List<Map.Entry<String, Map<String, String>>> spectral = List.of(
                Map.entry("dse", Map.of("sigma", "10", "t", "1")),
                Map.entry("dse", Map.of("sigma", "1", "t", "1")),
                Map.entry("dse", Map.of("sigma", "1", "t", "3")),
                Map.entry("dse", Map.of("sigma", "0.3", "t", "2")));
        if (!float64) { // DSE builds its kernel in float32 (its sums need 1e-6, not 1e-15): compared on float32 data only
            configs = java.util.stream.Stream.concat(configs.stream(), spectral.stream()).toList();
        }
        out().printf(Locale.ROOT, "N = %d, T: %d tanh-like columns, X: 3 columns related to T, 4 classes; %s data%s; pyref: %s%n%n",
                rows, dims, precision, float64 ? " with ties and levels 1e-10 apart, " + t : "", pyref);
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
        boolean dsmiAgrees = float64 || compareDsmi(t, tmp);
        FileTrees.delete(tmp);
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

    /**
     * float64 data with what float32 would break: the first column's values on a grid of 1/64 in a
     * third of the rows (ties), every 10th row repeated once (in X too: a whole tied point; k = 3
     * still finds a neighbour at a positive distance), and the second column's values moved by
     * multiples of 1e-10 (distinct in float64, one level in float32).
     *
     * <p>Rows repeated in T but not in X would make KSG's algorithm 2 undefined: the k-th and (k+1)-th
     * joint neighbours of a third point tie while their X differ, and the result then depends on how a
     * search orders ties (cKDTree's tree order; infolens's lowest row first).
     */
    private static Activations float64WithTies(Activations base) {
        int rows = base.rows();
        int dims = base.columns();
        double[] v = base.toDoubleArray();
        for (int r = 0; r < rows; r++) {
            if (r % 3 == 0) {
                v[r * dims] = Math.round(v[r * dims] * 64) / 64.0;
            }
            if (dims > 1) {
                v[r * dims + 1] += (r % 7) * 1e-10;
            }
        }
        repeatEveryTenthRow(v, dims);
        return Activations.wrap(v, rows, dims);
    }

    private static void repeatEveryTenthRow(double[] v, int dims) {
        for (int r = 0; (r + 2) * dims <= v.length; r += 10) {
            System.arraycopy(v, r * dims, v, (r + 1) * dims, dims);
        }
    }

    private static double[][] toRows(double[] flat, int columns) {
        double[][] m = new double[flat.length / columns][];
        for (int r = 0; r < m.length; r++) {
            m[r] = java.util.Arrays.copyOfRange(flat, r * columns, (r + 1) * columns);
        }
        return m;
    }

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
