package org.infolens.reproduce;

import java.util.List;

/**
 * What a claim's test made of its seeds.
 *
 * @param verdict   reproduced, not reproduced, inconclusive, or not run
 * @param reason    why, in a sentence (the test's outcome, or what stopped the runs)
 * @param statistic what each seed's number is
 * @param test      the test, in words
 * @param n         seeds that gave a number
 * @param estimate  the statistic over the seeds (a median, a correlation, a coefficient of variation); NaN when not run
 * @param low       lower end of its interval
 * @param high      upper end of its interval
 * @param interval  what the interval is ("95 % CI of the median (order statistics)", ...)
 * @param pValue    the test's p-value in the paper's direction (NaN for a test without one)
 * @param seeds     each seed's number (and for a correlation the second number)
 */
public record Evaluation(Verdict verdict, String reason, String statistic, String test, int n, double estimate, double low, double high,
                         String interval, double pValue, List<SeedValue> seeds) {

    public Evaluation {
        seeds = List.copyOf(seeds);
    }

    /**
     * One seed's number.
     *
     * @param value its statistic (for a correlation: x), NaN when its runs gave none
     * @param other a correlation's y, else NaN
     */
    public record SeedValue(long seed, double value, double other) {
    }

    /** A claim whose runs could not be made: no numbers, the reason. */
    public static Evaluation notRun(String reason, String statistic, String test) {
        return new Evaluation(Verdict.NOT_RUN, reason, statistic, test, 0, Double.NaN, Double.NaN, Double.NaN, "", Double.NaN, List.of());
    }
}
