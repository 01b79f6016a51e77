package org.infolens.cli.bench;

import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.superposition.EffectiveFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The cost of tracking effective features: one wide layer, two recorded epochs. The activations
 * look like a trained tanh layer: each row a sparse non-negative combination of a few of several
 * thousand random feature directions, through tanh; the "next epoch" moves every direction a
 * little. The first epoch trains the sparse autoencoder from scratch, the second warm-starts from it.
 */
@Command(name = "superposition", mixinStandardHelpOptions = true,
        description = "Effective features on one wide layer: seconds per recorded epoch, cold and warm-started.")
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

    @Option(names = "--max-epochs", defaultValue = "500", description = "cap on the autoencoder's epochs per estimate (default ${DEFAULT-VALUE})")
    int maxEpochs;

    @Override
    public Integer call() {
        double[][] epoch1 = directions(new Random(1));
        double[][] epoch2 = drifted(epoch1, new Random(2));
        EffectiveFeatures measure = EffectiveFeatures.builder().rows(rows).maxEpochs(maxEpochs).build();
        LayerId layer = new LayerId(0, "wide", width, LayerKind.DENSE, "tanh");
        Probe probe = Probe.of(new int[rows]);
        out().printf(Locale.ROOT, "effective features, width %d, %d rows, dictionary %d; %d directions, %d active per row, drift %.2f%n%n",
                width, rows, 4 * width, directions, active, drift);
        report("epoch 1 (cold)", measure, layer, layer(epoch1), probe);
        report("epoch 2 (warm)", measure, layer, layer(epoch2), probe);
        return 0;
    }

    private void report(String what, EffectiveFeatures measure, LayerId layer, Activations a, Probe probe) {
        long t0 = System.nanoTime();
        Estimate e = measure.estimate(layer, a, probe);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int epochs = (int) e.details().get("epochs");
        out().printf(Locale.ROOT, "%s: %.1f s, %d autoencoder epochs (%.2f s each), stopped early %s, F = %.1f, ratio %.3f, dead %s, loss %.5f%n",
                what, seconds, epochs, seconds / epochs, e.details().get("stoppedEarly"), e.value("F"), e.value("ratio"),
                e.details().get("deadFeatures"), (double) e.details().get("finalLoss"));
        out().flush();
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
