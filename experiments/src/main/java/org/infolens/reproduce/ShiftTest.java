package org.infolens.reproduce;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.inference.BinomialTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Whether a per-seed number lies above (or below) a threshold across seeds: Wilcoxon's signed-rank
 * test of the values minus the threshold, or the sign test (only how many lie above), one-sided in
 * the paper's direction. The estimate is the median with its distribution-free interval from order
 * statistics.
 *
 * @param statistic what each seed gives
 * @param direction which way the paper says it goes
 * @param threshold what it is compared with (0 for "it rises"; a margin for "it falls by more than noise")
 * @param sign      the sign test instead of the signed-rank test
 */
public record ShiftTest(SeedStatistic statistic, Direction direction, double threshold, boolean sign) implements PerSeedTest {

    public ShiftTest {
        java.util.Objects.requireNonNull(statistic, "statistic");
        java.util.Objects.requireNonNull(direction, "direction");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("a shift test needs a finite threshold, got " + threshold);
        }
    }

    /** Wilcoxon signed-rank: the statistic's median {@code direction} {@code threshold}. */
    public static ShiftTest signedRank(SeedStatistic statistic, Direction direction, double threshold) {
        return new ShiftTest(statistic, direction, threshold, false);
    }

    /** Sign test: more seeds on the {@code direction} side of {@code threshold} than chance gives. */
    public static ShiftTest signTest(SeedStatistic statistic, Direction direction, double threshold) {
        return new ShiftTest(statistic, direction, threshold, true);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "one-sided %s, median %s %s", sign ? "sign test" : "Wilcoxon signed-rank", direction.symbol(),
                ClaimsReport.number(threshold));
    }

    @Override
    public Evaluation judge(List<Evaluation.SeedValue> values, double[] v) {
        int n = v.length;
        if (n == 0) {
            return new Evaluation(Verdict.INCONCLUSIVE, "no seed gave a value", describeStatistic(), describe(), 0, Double.NaN, Double.NaN, Double.NaN,
                    "", Double.NaN, values);
        }
        double median = Median.withDefaults().evaluate(v);
        double[] interval = medianInterval(v);
        String intervalText = String.format(Locale.ROOT, "%.0f %% interval of the median (order statistics)", 100 * interval[2]);
        double p = pValue(v, direction);
        double pOpposite = pValue(v, direction.opposite());
        double smallest = Math.pow(0.5, n); // all seeds on one side: the smallest one-sided p either test can give
        if (smallest >= ALPHA) {
            return new Evaluation(Verdict.INCONCLUSIVE, String.format(Locale.ROOT, "with %d seeds the smallest one-sided p-value is %.3g,"
                    + " not below %.2f whatever the values: at least 5 seeds are needed", n, smallest, ALPHA), describeStatistic(), describe(), n,
                    median, interval[0], interval[1], intervalText, p, values);
        }
        Verdict verdict = ClaimTest.decide(p, pOpposite, n);
        return new Evaluation(verdict, ClaimTest.because(verdict, p, pOpposite, n), describeStatistic(), describe(), n, median, interval[0],
                interval[1], intervalText, p, values);
    }

    private double pValue(double[] v, Direction d) {
        if (sign) {
            int above = (int) Arrays.stream(v).filter(x -> x > threshold).count();
            int below = (int) Arrays.stream(v).filter(x -> x < threshold).count();
            if (above + below == 0) {
                return 1;
            }
            // successes are the seeds above: GREATER asks for more of them than chance, LESS for fewer
            return BinomialTest.withDefaults().with(d.alternative()).test(above + below, above, 0.5).getPValue();
        }
        if (Arrays.stream(v).allMatch(x -> x == threshold)) {
            return 1; // no differences to rank
        }
        return WilcoxonSignedRankTest.withDefaults().withMu(threshold).with(d.alternative()).test(v).getPValue();
    }

    /**
     * The median's distribution-free interval: order statistics k and n + 1 - k, k the largest with
     * P(Binomial(n, 1/2) < k) <= 2.5 %; with fewer than 6 values the range (its coverage 1 - 2^(1-n)).
     * Returns {low, high, coverage}.
     */
    static double[] medianInterval(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        BinomialDistribution b = BinomialDistribution.of(n, 0.5);
        int k = 1;
        while (k + 1 <= (n + 1) / 2 && b.cumulativeProbability(k) <= ALPHA / 2) {
            k++;
        }
        double coverage = 1 - 2 * b.cumulativeProbability(k - 1);
        return new double[] {v[k - 1], v[n - k], coverage};
    }
}
