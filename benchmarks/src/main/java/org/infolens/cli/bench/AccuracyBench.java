package org.infolens.cli.bench;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.estimate.interval.IntervalSettings;
import org.infolens.estimate.interval.WithConfidenceIntervals;
import org.infolens.estimate.knn.KnnSettings;
import org.infolens.estimate.knn.KsgMutualInformation;
import org.infolens.measure.Estimate;
import org.infolens.measure.Interval;
import org.infolens.measure.Measure;
import org.infolens.numeric.GaussianReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * KSG-1 (k = 3) against Gaussian ground truth over seeded repetitions: the error on a bivariate
 * normal (rho = 0.8) and how often its 95 percent subsampling interval covers the truth; the relative
 * error on 5 x 5 equicorrelated multinormals.
 */
@Command(name = "accuracy", mixinStandardHelpOptions = true, description = "KSG against Gaussian ground truth; interval coverage.")
final class AccuracyBench implements Callable<Integer> {

    private static final double LN2 = Math.log(2);

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "5000", description = "N (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--repetitions", defaultValue = "50", description = "seeded repetitions (default ${DEFAULT-VALUE})")
    int repetitions;

    @Override
    public Integer call() {
        Measure ksg = new WithConfidenceIntervals(new KsgMutualInformation(KnnSettings.defaults(), 1), IntervalSettings.defaults());
        double[][] bivariate = GaussianReference.bivariate(0.8);
        double truth = GaussianReference.mutualInformationNats(bivariate, 1);
        int within = 0;
        int covered = 0;
        double sumError = 0;
        double worst = 0;
        for (long seed = 1; seed <= repetitions; seed++) {
            Estimate e = estimate(ksg, bivariate, 1, seed);
            double errorNats = e.value("I") * LN2 - truth;
            sumError += errorNats;
            worst = Math.max(worst, Math.abs(errorNats));
            within += Math.abs(errorNats) <= 0.02 ? 1 : 0;
            Interval i = e.intervals().get("I");
            covered += i.contains(truth / LN2) ? 1 : 0;
        }
        out().printf(Locale.ROOT, "KSG-1, k = 3, N = %d, %d seeded repetitions%n%n", rows, repetitions);
        out().printf(Locale.ROOT, "bivariate normal rho = 0.8 (I = %.4f nats): mean error %+.4f nats, largest |error| %.4f nats,"
                + " within 0.02 nats in %d of %d%n", truth, sumError / repetitions, worst, within, repetitions);
        out().printf(Locale.ROOT, "95%% subsampling intervals (10 splits of halves and quarters) covered the truth in %d of %d (%.0f%%)%n%n",
                covered, repetitions, 100.0 * covered / repetitions);
        Measure plain = new KsgMutualInformation(KnnSettings.defaults(), 1);
        for (double r : new double[] {0.3, 0.5}) {
            double[][] cov = GaussianReference.equicorrelated(10, r);
            double t = GaussianReference.mutualInformationNats(cov, 5);
            int samples = Math.min(repetitions, 8);
            double sum = 0;
            for (long seed = 1; seed <= samples; seed++) {
                sum += estimate(plain, cov, 5, seed).value("I") * LN2 / t - 1;
            }
            out().printf(Locale.ROOT, "5 x 5 multinormal, all correlations %.1f (I = %.3f nats): mean relative error over %d samples %+.1f%%%n",
                    r, t, samples, 100 * sum / samples);
        }
        return 0;
    }

    private Estimate estimate(Measure m, double[][] cov, int dT, long seed) {
        double[][] g = GaussianReference.sample(rows, cov, seed);
        Activations t = Activations.ofRows(GaussianReference.columns(g, 0, dT));
        Activations z = Activations.ofRows(GaussianReference.columns(g, dT, cov.length));
        return m.estimate(LayerId.of(0, dT), t, Probe.of(new int[rows]).withInputs(z));
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
