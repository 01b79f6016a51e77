package org.infolens.reproduce;

import java.util.List;

/**
 * How a claim's per-seed numbers become a verdict: {@link ShiftTest} (Wilcoxon signed-rank or sign
 * test against a threshold, one-sided in the paper's direction), {@link CorrelationTest} (Pearson's r
 * across seeds with its Fisher interval), {@link DispersionTest} (how much seeds differ),
 * {@link ExactTest} (every seed within a tolerance).
 *
 * <p>The verdicts follow one rule: reproduced when the one-sided test in the paper's direction has
 * p &lt; {@link #ALPHA}; not reproduced when the test the other way does, or when neither does with at
 * least {@link #ENOUGH_SEEDS} seeds; inconclusive otherwise, and always when the seeds given cannot
 * reach p &lt; {@link #ALPHA} whatever their values (fewer than 5 for a one-sided signed-rank or sign test).
 */
public interface ClaimTest {

    /** The significance level of every test. */
    double ALPHA = 0.05;

    /**
     * Seeds from which a test that is not significant either way counts against the claim: a one-sided
     * Wilcoxon signed-rank test at 0.05 has about 80 % power against a shift of one standard deviation
     * from about 10 seeds; with fewer, "no effect seen" is inconclusive.
     */
    int ENOUGH_SEEDS = 10;

    /** The test in words ("one-sided Wilcoxon signed-rank, median > 0.1"). */
    String describe();

    /** What each seed's number is. */
    String describeStatistic();

    /** The verdict over the seeds' runs. */
    Evaluation evaluate(List<SeedRuns> seeds);

    /** The finite values among {@code values}. */
    static double[] finite(List<Evaluation.SeedValue> values) {
        return values.stream().mapToDouble(Evaluation.SeedValue::value).filter(Double::isFinite).toArray();
    }

    /** The verdict of a test with p-values both ways, by the rule in the class comment. */
    static Verdict decide(double p, double pOpposite, int n) {
        if (p < ALPHA) {
            return Verdict.REPRODUCED;
        }
        if (pOpposite < ALPHA || n >= ENOUGH_SEEDS) {
            return Verdict.NOT_REPRODUCED;
        }
        return Verdict.INCONCLUSIVE;
    }

    /** Why, for {@link #decide}'s verdict. */
    static String because(Verdict v, double p, double pOpposite, int n) {
        return switch (v) {
            case REPRODUCED -> String.format(java.util.Locale.ROOT, "p = %.3g < %.2f in the paper's direction over %d seeds", p, ALPHA, n);
            case NOT_REPRODUCED -> pOpposite < ALPHA
                    ? String.format(java.util.Locale.ROOT, "significant the other way (p = %.3g) over %d seeds", pOpposite, n)
                    : String.format(java.util.Locale.ROOT, "no significant effect (p = %.3g) over %d seeds", p, n);
            default -> String.format(java.util.Locale.ROOT, "neither direction significant (p = %.3g, other way %.3g) with %d seeds;"
                    + " %d or more would decide", p, pOpposite, n, ENOUGH_SEEDS);
        };
    }
}
