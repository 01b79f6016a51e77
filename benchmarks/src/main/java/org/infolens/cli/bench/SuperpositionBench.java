package org.infolens.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.measure.Estimate;
import org.infolens.superposition.EffectiveFeatures;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The cost of tracking effective features: one wide layer, two recorded epochs. The activations
 * look like a trained tanh layer: each row a sparse non-negative combination of a few of several
 * thousand random feature directions, through tanh; the "next epoch" moves every direction a
 * little. The first epoch trains the sparse autoencoder from scratch, the second warm-starts from it.
 * Each autoencoder setting ({@code --setting}, side by side in one run) is timed on the same data
 * against ND4J's float32 GEMM peak, the machine's ({@code --gemm-size} cubed, as {@code bench limits}
 * measures it) and at the autoencoder's own shape (batch x width . width x D): an epoch is 10 N width D
 * flops (per batch, the codes, the reconstruction, the codes' gradient and the weight gradient, tied of
 * depth 2 x batch, untied two products), and its GFLOPS say how near the machine's limit it runs. F is
 * also given relative to the first setting's at the same recorded epoch: a faster setting must find
 * the same features.
 */
@Command(name = "superposition", mixinStandardHelpOptions = true,
        description = "Effective features on one wide layer: seconds per autoencoder epoch and per recorded epoch, cold and warm-started,"
                + " GFLOPS against the measured GEMM peak, for each --setting side by side.")
final class SuperpositionBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--width", defaultValue = "1024", description = "layer width (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--rows", defaultValue = "10000", description = "activation rows (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--directions", defaultValue = "3000", description = "feature directions the layer mixes (default ${DEFAULT-VALUE})")
    int directions;

    @Option(names = "--active", defaultValue = "8", description = "directions active per row (default ${DEFAULT-VALUE})")
    int active;

    @Option(names = "--drift", defaultValue = "0.05", description = "per-coordinate noise added to each direction for the next epoch, relative to its"
            + " coordinates' scale (default ${DEFAULT-VALUE})")
    double drift;

    @Option(names = "--max-epochs", defaultValue = "500", description = "cap on the autoencoder's epochs per estimate, unless a setting"
            + " names its own maxEpochs (default ${DEFAULT-VALUE})")
    int maxEpochs;

    @Option(names = "--gemm-size", defaultValue = "2048", description = "m = k = n of the machine's peak GEMM (default ${DEFAULT-VALUE},"
            + " as bench limits)")
    int gemmSize;

    @Option(names = "--setting", description = "effective-features parameters NAME=VALUE,... of one setting to time; repeat it to"
            + " compare (default: the shipped defaults, then the fast start: learningRate=4e-3 with initialBias=1)")
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> timed = settings.isEmpty() ? List.of("", "learningRate=4e-3,initialBias=1") : settings;
        List<EffectiveFeatures> measures = new ArrayList<>();
        for (String extra : timed) { // all parsed before anything is timed: a typo fails at once
            boolean ownCap = extra.matches("(.*,)?\\s*maxEpochs\\s*=.*");
            measures.add((EffectiveFeatures) EstimatorCatalog.fromSpec(EffectiveFeatures.NAME + ":rows=" + rows
                    + (ownCap ? "" : ",maxEpochs=" + maxEpochs) + (extra.isBlank() ? "" : "," + extra)));
        }
        double[][] epoch1 = directions(new Random(1));
        double[][] epoch2 = drifted(epoch1, new Random(2));
        Activations first = layer(epoch1);
        Activations second = layer(epoch2);
        LayerId layer = new LayerId(0, "wide", width, LayerKind.DENSE, "tanh");
        Probe probe = Probe.of(new int[rows]);
        out().printf(Locale.ROOT, "effective features, width %d, %d rows; %d directions, %d active per row, drift %.2f; OMP_NUM_THREADS=%s%n%n",
                width, rows, directions, active, drift, System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        GemmPeak.Result machine = GemmPeak.of(DataType.FLOAT, gemmSize, gemmSize, gemmSize).measure();
        out().printf(Locale.ROOT, "machine peak: %s%n", machine);
        out().println("setting | recorded epoch | seconds | autoencoder epochs | s / epoch | GFLOPS | of machine peak | GEMM peak at its shape"
                + " (median) | of that | F | F vs first | dead");
        double[] firstF = new double[2];
        for (int i = 0; i < measures.size(); i++) {
            EffectiveFeatures measure = measures.get(i);
            int batch = (int) measure.parameters().get("batch");
            int dictionary = (int) measure.parameters().get("dictionaryRatio") * width;
            GemmPeak.Result shape = GemmPeak.of(DataType.FLOAT, Math.min(batch, rows), width, dictionary).measure();
            String name = (timed.get(i).isBlank() ? "shipped" : timed.get(i)) + " (" + measure.label() + ")";
            Activations[] epochs = {first, second};
            for (int r = 0; r < epochs.length; r++) {
                double f = report(name, r == 0 ? "1 (cold)" : "2 (warm)", measure, layer, epochs[r], probe, machine, shape, dictionary,
                        i == 0 ? Double.NaN : firstF[r]);
                firstF[r] = i == 0 ? f : firstF[r];
            }
        }
        return 0;
    }

    /** Times one estimate, prints its row and returns its F. */
    private double report(String setting, String what, EffectiveFeatures measure, LayerId layer, Activations a, Probe probe,
                          GemmPeak.Result machine, GemmPeak.Result shape, int dictionary, double firstF) {
        long t0 = System.nanoTime();
        Estimate e = measure.estimate(layer, a, probe);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int epochs = (int) e.details().get("epochs");
        double flops = autoencoderFlops(rows, width, dictionary, epochs);
        double gflops = flops / seconds / 1e9;
        double f = e.value("F");
        out().printf(Locale.ROOT, "%s | %s | %.1f | %d%s | %.2f | %.1f | %.0f %% | %.1f (%.1f) | %.0f %% | %.1f | %s | %s%n", setting, what,
                seconds, epochs, (boolean) e.details().get("stoppedEarly") ? "" : " (cap)", seconds / (epochs + 0.2), gflops,
                100 * gflops / machine.gflops(), shape.gflops(), shape.medianGflops(), 100 * gflops / shape.gflops(), f,
                Double.isNaN(firstF) ? "-" : String.format(Locale.ROOT, "%+.1f %%", 100 * (f / firstF - 1)), e.details().get("deadFeatures"));
        out().flush();
        return f;
    }

    /**
     * The flops of the autoencoder's products in an estimate of {@code epochs} epochs on {@code rows} rows of a layer
     * {@code width} wide with {@code dictionary} atoms: 10 N width D an epoch (the codes, the reconstruction, the codes'
     * gradient and the weight gradient), and one encoding pass for the masses (a fifth of an epoch's products, which is
     * also how the seconds per epoch leave it out).
     */
    static double autoencoderFlops(int rows, int width, int dictionary, int epochs) {
        return 2.0 * rows * width * dictionary * (5.0 * epochs + 1);
    }

    /** Random Gaussian directions in R^width, scaled so that a row's pre-activations have a standard deviation of about 0.6. */
    private double[][] directions(Random rnd) {
        double[][] d = new double[directions][width];
        for (double[] v : d) {
            for (int j = 0; j < width; j++) {
                v[j] = rnd.nextGaussian() / Math.sqrt(active);
            }
        }
        return d;
    }

    private double[][] drifted(double[][] d, Random rnd) {
        double[][] moved = new double[d.length][width];
        for (int i = 0; i < d.length; i++) {
            for (int j = 0; j < width; j++) {
                moved[i][j] = d[i][j] + drift * rnd.nextGaussian() / Math.sqrt(active);
            }
        }
        return moved;
    }

    /** tanh of sparse non-negative combinations of the directions; the same rows' choices at every epoch. */
    private Activations layer(double[][] d) {
        Random rnd = new Random(3);
        float[] v = new float[rows * width];
        double[] pre = new double[width];
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(pre, 0);
            for (int k = 0; k < active; k++) {
                double[] direction = d[rnd.nextInt(directions)];
                double magnitude = rnd.nextDouble();
                for (int j = 0; j < width; j++) {
                    pre[j] += magnitude * direction[j];
                }
            }
            for (int j = 0; j < width; j++) {
                v[r * width + j] = (float) Math.tanh(pre[j]);
            }
        }
        return Activations.wrap(v, rows, width);
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
