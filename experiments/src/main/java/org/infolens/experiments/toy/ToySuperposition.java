package org.infolens.experiments.toy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.superposition.EffectiveFeatures;
import org.infolens.superposition.ToyModel;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Effective features against the toy model's ground truth (Bereska et al.'s check of the measure):
 * for each sparsity S, train Elhage et al.'s toy model (n = 20, m = 5), run 10,000 fresh inputs
 * through it, and estimate F on the hidden activations h (10,000 x 5, dictionary 4 x 5 = 20);
 * F / m should follow the reference superposition ||W||_F^2 / m.
 */
public final class ToySuperposition {

    /** The experiment's name. */
    public static final String NAME = "toy-superposition";

    /** Fresh inputs whose hidden activations the sparse autoencoder sees (the default). */
    public static final int ROWS = 10_000;

    /** One sparsity's result. */
    public record Point(double sparsity, double reference, double effectiveFeatures, double ratio, double seconds) {
    }

    /** The sweep's points, the Pearson correlation of F / m with ||W||^2 / m, and the rows the autoencoder saw per point. */
    public record Result(List<Point> points, double pearson, int rows) {
    }

    private ToySuperposition() {
    }

    /**
     * {@code count} sparsities S = 1 - density with the density log-spaced from 0.999 down to 0.001:
     * Elhage et al.'s phase change (||W||^2 / m from about 1 to about 4) happens over densities of a
     * few tenths to a few thousandths, so equal steps in log density put most points where it moves.
     */
    public static double[] sparsities(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("a sweep needs at least 2 sparsities, got " + count);
        }
        double[] s = new double[count];
        for (int i = 0; i < count; i++) {
            double logDensity = Math.log10(0.999) + (Math.log10(0.001) - Math.log10(0.999)) * i / (count - 1);
            s[i] = 1 - Math.pow(10, logDensity);
        }
        return s;
    }

    /** Runs the sweep, the autoencoder on {@code rows} fresh rows per sparsity; {@code progress} sees each point as it is done. */
    public static Result run(double[] sparsities, int steps, int rows, long seed, Consumer<Point> progress) {
        List<Point> points = new ArrayList<>();
        for (double s : sparsities) {
            long t0 = System.nanoTime();
            ToyModel model = ToyModel.train(ToyModel.Settings.paper(s, seed).withSteps(steps));
            INDArray h = model.hidden(ToyModel.sample(model.settings(), rows, new Random(seed + 1)));
            int m = model.settings().hidden();
            Activations hidden = Activations.wrap(h.data().asFloat(), rows, m);
            Estimate e = EffectiveFeatures.builder().rows(rows).seed(seed).warmStart(false).build()
                    .estimate(new LayerId(0, "hidden", m, LayerKind.DENSE, "linear"), hidden, Probe.of(new int[rows]));
            Point p = new Point(s, model.superposition(), e.value("F"), e.value("F") / m, (System.nanoTime() - t0) / 1e9);
            points.add(p);
            progress.accept(p);
        }
        double[] x = points.stream().mapToDouble(Point::reference).toArray();
        double[] y = points.stream().mapToDouble(Point::ratio).toArray();
        return new Result(points, pearson(x, y), rows);
    }

    /** Pearson's correlation coefficient of two equally long series. */
    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** table.csv: sparsity, reference ||W||^2/m, F, F/m, seconds. */
    public static void writeTable(Result r, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("sparsity,reference_W2_over_m,F,F_over_m,seconds\n");
        for (Point p : r.points()) {
            csv.append(row(p)).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, csv);
    }

    /** One point as a comma-separated line. */
    public static String row(Point p) {
        return String.format(Locale.ROOT, "%.6f,%.4f,%.4f,%.4f,%.1f", p.sparsity(), p.reference(), p.effectiveFeatures(), p.ratio(),
                p.seconds());
    }
}
