package org.infolens.reproduce;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * Whether a per-seed number varies a lot between seeds: its coefficient of variation (standard
 * deviation over |mean|) against {@code minimum}, with a percentile bootstrap over the seeds
 * ({@value #RESAMPLES} resamples, fixed seed) for its interval and one-sided p-values (the share of
 * resamples on the other side of {@code minimum}).
 *
 * @param statistic what each seed gives
 * @param minimum   the coefficient of variation that counts as "varies greatly"
 */
public record DispersionTest(SeedStatistic statistic, double minimum) implements PerSeedTest {

    static final int RESAMPLES = 2000;

    /** A bootstrap of fewer seeds resamples too few distinct sets to say anything. */
    static final int MIN_SEEDS = 5;

    @Override
    public String describe() {
        return "coefficient of variation > " + ClaimsReport.number(minimum) + ", percentile bootstrap over seeds";
    }

    @Override
    public Evaluation judge(List<Evaluation.SeedValue> values, double[] v) {
        int n = v.length;
        if (n < MIN_SEEDS) {
            return new Evaluation(Verdict.INCONCLUSIVE, "a bootstrap over seeds needs at least " + MIN_SEEDS + " seeds, got " + n, describeStatistic(),
                    describe(), n, n > 1 ? cv(v) : Double.NaN, Double.NaN, Double.NaN, "", Double.NaN, values);
        }
        double cv = cv(v);
        double[] boot = new double[RESAMPLES];
        SplittableRandom random = new SplittableRandom(1);
        double[] resample = new double[n];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int i = 0; i < n; i++) {
                resample[i] = v[random.nextInt(n)];
            }
            boot[b] = cv(resample);
        }
        double[] finite = Arrays.stream(boot).filter(Double::isFinite).toArray();
        double[] ci = Quantile.withDefaults().evaluate(finite, ALPHA / 2, 1 - ALPHA / 2);
        double p = (1 + Arrays.stream(finite).filter(c -> c <= minimum).count()) / (1.0 + finite.length);
        double pOpposite = (1 + Arrays.stream(finite).filter(c -> c >= minimum).count()) / (1.0 + finite.length);
        Verdict verdict = ClaimTest.decide(p, pOpposite, n);
        return new Evaluation(verdict, ClaimTest.because(verdict, p, pOpposite, n), describeStatistic(), describe(), n, cv, ci[0], ci[1],
                "95 % percentile bootstrap interval", p, values);
    }

    static double cv(double[] v) {
        return StandardDeviation.of(v).getAsDouble() / Math.abs(Mean.of(v).getAsDouble());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DispersionTest[%s]", describe());
    }
}
