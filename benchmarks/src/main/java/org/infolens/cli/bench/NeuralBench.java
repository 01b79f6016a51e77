package org.infolens.cli.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The neural and latent MI estimators side by side in one run (KSG beside them): seconds per
 * estimate at N rows for widths d of T and of Z, cold and then warm-started on the same layer as the
 * next recorded epoch would be, on a Gaussian whose truth is known (5 coordinate pairs of correlation
 * 0.5, the other columns independent noise: I = 5 * -ln(1 - 0.25) / 2 nats whatever d). With
 * {@code --lmi-grid}: the LMI Gaussian grid of issue 16 (true MI in bits x intrinsic dimension x
 * ambient width, redundant copies plus Gaussian nuisance columns), mean absolute error per cell.
 */
@Command(name = "neural", mixinStandardHelpOptions = true,
        description = "Neural and latent MI estimators: seconds per estimate (cold, warm) and error on Gaussians; the LMI grid.")
final class NeuralBench implements Callable<Integer> {

    private static final double LN2 = Math.log(2);
    private static final double PAIR_RHO = 0.5;
    private static final int SIGNAL_PAIRS = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "5000", description = "rows N (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--dims", split = ",", defaultValue = "5,50,500", description = "widths d of T and Z (default ${DEFAULT-VALUE})")
    List<Integer> dims;

    @Option(names = "--measures", split = ",", defaultValue = "infonce:copula=normal,infonce,nwj,mine,smile,lmi,ksg",
            description = "estimators, each a name or name:param=value (default ${DEFAULT-VALUE})")
    List<String> measures;

    @Option(names = "--max-epochs", description = "neural estimators' maxEpochs (default: theirs, 100)")
    Integer maxEpochs;

    @Option(names = "--lmi-epochs", description = "latent MI's epochs (default: its own, 100)")
    Integer lmiEpochs;

    @Option(names = "--lmi-param", description = "another lmi parameter, key=value (repeatable), e.g. crossWeight=10")
    Map<String, String> lmiParams = new LinkedHashMap<>();

    @Option(names = "--lmi-grid", description = "run the LMI Gaussian grid instead of the speed table")
    boolean grid;

    @Option(names = "--grid-rows", defaultValue = "2000", description = "rows of each grid cell (default ${DEFAULT-VALUE})")
    int gridRows;

    @Option(names = "--grid-bits", split = ",", defaultValue = "0,0.5,1,1.5,2", description = "true MI of the grid, bits")
    List<Double> gridBits;

    @Option(names = "--grid-intrinsic", split = ",", defaultValue = "1,2,3,4", description = "intrinsic dimensions of the grid")
    List<Integer> gridIntrinsic;

    @Option(names = "--grid-ambient", split = ",", defaultValue = "10,100,1000", description = "ambient widths of the grid")
    List<Integer> gridAmbient;

    @Option(names = "--grid-seeds", defaultValue = "1", description = "samples per grid point (default ${DEFAULT-VALUE})")
    int gridSeeds;

    @Override
    public Integer call() {
        return grid ? lmiGrid() : speed();
    }

    private int speed() {
        double truthBits = SIGNAL_PAIRS * -0.5 * Math.log(1 - PAIR_RHO * PAIR_RHO) / LN2;
        out().printf(Locale.ROOT, "N = %d; T and Z of d columns, %d pairs of correlation %.1f: I = %.3f bits; neural maxEpochs %s,"
                + " lmi epochs %s; %d cores, OMP_NUM_THREADS=%s%n", rows, SIGNAL_PAIRS, PAIR_RHO, truthBits,
                maxEpochs == null ? "default" : maxEpochs, lmiEpochs == null ? "default" : lmiEpochs, Runtime.getRuntime().availableProcessors(),
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        out().printf(Locale.ROOT, "warm: the same layer estimated again, starting from the critic the cold estimate kept, as the next"
                + " recorded epoch of a run does%n%n");
        out().printf(Locale.ROOT, "%-22s %5s %10s %10s %8s %10s %8s%n", "measure", "d", "bits", "cold s", "epochs", "warm s", "epochs");
        warmUp();
        for (int d : dims) {
            Activations[] tz = pairs(rows, d, 1);
            Probe probe = Probe.of(new int[rows]).withInputs(tz[1]);
            LayerId layer = new LayerId(0, "bench", d, LayerKind.DENSE, "");
            for (String name : measures) {
                MeasureSpec spec = MeasureSpec.parse(name);
                Map<String, Object> p = new LinkedHashMap<>(spec.params());
                if (spec.name().equals("lmi")) {
                    if (lmiEpochs != null) {
                        p.put("epochs", lmiEpochs);
                    }
                    p.putAll(lmiParams);
                } else if (maxEpochs != null && !spec.name().equals("ksg")) {
                    p.put("maxEpochs", maxEpochs);
                }
                Measure m = EstimatorCatalog.create(new MeasureSpec(spec.name(), p));
                long t0 = System.nanoTime();
                Estimate cold = m.estimate(layer, tz[0], probe);
                double coldS = (System.nanoTime() - t0) / 1e9;
                String warm = "";
                if (cold.details().containsKey("warmStarted")) {
                    long t1 = System.nanoTime();
                    Estimate again = m.estimate(layer, tz[0], probe);
                    warm = String.format(Locale.ROOT, "%10.2f %8s", (System.nanoTime() - t1) / 1e9, again.details().get("epochs"));
                }
                out().printf(Locale.ROOT, "%-22s %5d %10.3f %10.2f %8s %s%n", name, d, cold.value("I"), coldS,
                        cold.details().getOrDefault("epochs", "-"), warm);
                out().flush();
            }
        }
        return 0;
    }

    /** JIT and ND4J's first-use costs, paid before the table so that its first row is not charged for them. */
    private void warmUp() {
        Activations[] tz = pairs(500, 5, 2);
        Probe probe = Probe.of(new int[500]).withInputs(tz[1]);
        LayerId layer = new LayerId(0, "warm-up", 5, LayerKind.DENSE, "");
        for (String name : measures) {
            MeasureSpec spec = MeasureSpec.parse(name);
            Map<String, Object> p = new LinkedHashMap<>(spec.params());
            switch (spec.name()) {
                case "ksg" -> { }
                case "lmi" -> p.put("epochs", 2);
                default -> p.put("maxEpochs", 2);
            }
            EstimatorCatalog.create(new MeasureSpec(spec.name(), p)).estimate(layer, tz[0], probe);
        }
    }

    private int lmiGrid() {
        out().printf(Locale.ROOT, "LMI grid: N = %d, epochs %s %s, %d sample(s) per point; mean absolute error in bits per"
                + " cell (over the true MIs %s)%n%n", gridRows, lmiEpochs, lmiParams, gridSeeds, gridBits);
        out().printf(Locale.ROOT, "%-9s %8s %8s %8s   %s%n", "intrinsic", "ambient", "MAE", "s/est", "estimates at each true MI");
        for (int k : gridIntrinsic) {
            for (int ambient : gridAmbient) {
                double err = 0;
                long nanos = 0;
                StringBuilder each = new StringBuilder();
                for (double bits : gridBits) {
                    for (int s = 1; s <= gridSeeds; s++) {
                        Activations[] tz = redundant(gridRows, bits, k, ambient, 1000L * k + ambient + s);
                        Map<String, String> p = new LinkedHashMap<>(lmiParams);
                        if (lmiEpochs != null) {
                            p.put("epochs", String.valueOf(lmiEpochs));
                        }
                        Measure m = BenchSupport.measure("lmi", p);
                        long start = System.nanoTime();
                        double est = m.estimate(new LayerId(0, "grid", ambient, LayerKind.DENSE, ""), tz[0],
                                Probe.of(new int[gridRows]).withInputs(tz[1])).value("I");
                        nanos += System.nanoTime() - start;
                        err += Math.abs(est - bits);
                        each.append(String.format(Locale.ROOT, " %.2f", est));
                    }
                }
                int estimates = gridBits.size() * gridSeeds;
                out().printf(Locale.ROOT, "%-9d %8d %8.3f %8.1f  %s%n", k, ambient, err / estimates, nanos / 1e9 / estimates, each);
                out().flush();
            }
        }
        return 0;
    }

    /** T and Z of d columns: the first 5 pairs correlated, the rest independent. */
    static Activations[] pairs(int n, int d, long seed) {
        Random rnd = new Random(seed);
        double[] t = new double[n * d];
        double[] z = new double[n * d];
        double c = Math.sqrt(1 - PAIR_RHO * PAIR_RHO);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double x = rnd.nextGaussian();
                t[i * d + j] = x;
                z[i * d + j] = j < SIGNAL_PAIRS ? PAIR_RHO * x + c * rnd.nextGaussian() : rnd.nextGaussian();
            }
        }
        return new Activations[] {Activations.wrap(t, n, d), Activations.wrap(z, n, d)};
    }

    /**
     * The LMI paper's setting: intrinsic x, y in R^k, coordinate pairs correlated so that together they
     * carry {@code bits}; each side spread over {@code ambient} columns, the first half scaled copies of
     * the intrinsic coordinates (in turn), the rest Gaussian nuisance. Exact copies keep the MI.
     */
    static Activations[] redundant(int n, double bits, int k, int ambient, long seed) {
        double rho = Math.sqrt(1 - Math.pow(2, -2 * bits / k));
        Random rnd = new Random(seed);
        double[] t = new double[n * ambient];
        double[] z = new double[n * ambient];
        double[] x = new double[k];
        double[] y = new double[k];
        int copies = Math.max(k, ambient / 2);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                x[j] = rnd.nextGaussian();
                y[j] = rho * x[j] + Math.sqrt(1 - rho * rho) * rnd.nextGaussian();
            }
            for (int j = 0; j < ambient; j++) {
                double scale = 1 + 0.5 * j / ambient;
                t[i * ambient + j] = j < copies ? x[j % k] * scale : rnd.nextGaussian();
                z[i * ambient + j] = j < copies ? y[j % k] * scale : rnd.nextGaussian();
            }
        }
        return new Activations[] {Activations.wrap(t, n, ambient), Activations.wrap(z, n, ambient)};
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
