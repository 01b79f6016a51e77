package org.infolens.experiments.toy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Interval;
import org.infolens.measure.Measure;
import org.infolens.superposition.ToyModel;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Effective features against the toy model's ground truth (Bereska et al.'s check of the measure, their
 * protocol): for each of the models' sparsities S, train Elhage et al.'s toy model (n = 20, m = 5,
 * importance 0.7^i), run 10,000 fresh inputs through it, and estimate F on the hidden activations h
 * (10,000 x 5) with the sparse autoencoder the caller configures (the paper: dictionary 8 x 5 = 40,
 * lambda 0.1); F / m should follow the reference superposition ||W||_F^2 / m. Pearson's r comes with a
 * percentile bootstrap interval over the models.
 */
public final class ToySuperposition {

    /** The experiment's name. */
    public static final String NAME = "toy-superposition";

    /** Fresh inputs whose hidden activations the sparse autoencoder sees. */
    public static final int ROWS = 10_000;

    /** One model's result under one autoencoder. */
    public record Point(double sparsity, double reference, double effectiveFeatures, double ratio, double seconds) {
    }

    /**
     * One autoencoder's sweep: its points, the Pearson correlation of F / m with ||W||^2 / m and its 95 %
     * bootstrap interval, and the autoencoder's label (its settings).
     */
    public record Result(List<Point> points, double pearson, Interval pearsonInterval, String autoencoder) {
    }

    /** Bootstrap replicates of r: the models are resampled with replacement. */
    static final int BOOTSTRAP_REPLICATES = 2000;

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

    /**
     * Runs the sweep: each model is trained once and its hidden activations go to every autoencoder
     * (a fresh measure from each supplier: no warm start across models), so the autoencoders are compared
     * on the same models; {@code progress} sees each model's points, one per autoencoder, as they are done.
     */
    public static List<Result> run(double[] sparsities, int steps, long seed, List<Supplier<Measure>> autoencoders,
                                   Consumer<List<Point>> progress) {
        List<List<Point>> points = new ArrayList<>();
        String[] labels = new String[autoencoders.size()];
        for (int v = 0; v < autoencoders.size(); v++) {
            points.add(new ArrayList<>());
        }
        for (double s : sparsities) {
            long t0 = System.nanoTime();
            ToyModel model = ToyModel.train(ToyModel.Settings.paper(s, seed).withSteps(steps));
            INDArray h = model.hidden(ToyModel.sample(model.settings(), ROWS, new SplittableRandom(seed + 1)));
            int m = model.settings().hidden();
            Activations hidden = Activations.wrap(h.data().asFloat(), ROWS, m);
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            List<Point> now = new ArrayList<>();
            for (int v = 0; v < autoencoders.size(); v++) {
                long t1 = System.nanoTime();
                Measure measure = autoencoders.get(v).get();
                labels[v] = measure.label();
                Estimate e = measure.estimate(new LayerId(0, "hidden", m, LayerKind.DENSE, "linear"), hidden, Probe.of(new int[ROWS]));
                Point p = new Point(s, model.superposition(), e.value("F"), e.value("F") / m, trainSeconds + (System.nanoTime() - t1) / 1e9);
                points.get(v).add(p);
                now.add(p);
            }
            progress.accept(now);
        }
        List<Result> results = new ArrayList<>();
        for (int v = 0; v < autoencoders.size(); v++) {
            double[] x = points.get(v).stream().mapToDouble(Point::reference).toArray();
            double[] y = points.get(v).stream().mapToDouble(Point::ratio).toArray();
            results.add(new Result(points.get(v), pearson(x, y), bootstrapInterval(x, y, BOOTSTRAP_REPLICATES, seed), labels[v]));
        }
        return results;
    }

    /**
     * 95 % percentile bootstrap interval of Pearson's r: the (x, y) pairs resampled with replacement
     * {@code replicates} times (seeded); replicates whose x or y is constant have no r and are skipped.
     */
    public static Interval bootstrapInterval(double[] x, double[] y, int replicates, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = x.length;
        double[] rs = new double[replicates];
        int kept = 0;
        double[] bx = new double[n];
        double[] by = new double[n];
        for (int b = 0; b < replicates; b++) {
            for (int i = 0; i < n; i++) {
                int j = rnd.nextInt(n);
                bx[i] = x[j];
                by[i] = y[j];
            }
            double r = pearson(bx, by);
            if (Double.isFinite(r)) {
                rs[kept++] = r;
            }
        }
        double r = pearson(x, y);
        if (kept < 2) {
            return new Interval(r, r, r);
        }
        double[] sorted = Arrays.copyOf(rs, kept);
        Arrays.sort(sorted);
        return new Interval(quantile(sorted, 0.025), quantile(sorted, 0.975), r);
    }

    /** Linear interpolation between order statistics (numpy's default). */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
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

    /** table.csv: autoencoder, sparsity, reference ||W||^2/m, F, F/m, seconds (model training and this autoencoder). */
    public static void writeTable(List<Result> results, Path file) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER + "\n");
        for (Result r : results) {
            for (Point p : r.points()) {
                csv.append(row(r.autoencoder(), p)).append('\n');
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, csv);
    }

    /** The table's and the progress lines' header. */
    public static final String HEADER = "autoencoder,sparsity,reference_W2_over_m,F,F_over_m,seconds";

    /** One point as a comma-separated line. */
    public static String row(String autoencoder, Point p) {
        return String.format(Locale.ROOT, "%s,%.6f,%.4f,%.4f,%.4f,%.1f", autoencoder, p.sparsity(), p.reference(), p.effectiveFeatures(), p.ratio(),
                p.seconds());
    }
}
