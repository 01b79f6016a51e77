package org.infolens.reproduce;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A statement that must hold in every seed, not on average: each seed's number within
 * {@code tolerance} of 0 (two ways of computing the same quantity agree). There is no p-value: one
 * seed outside is a counter-example.
 *
 * @param statistic what each seed gives (a disagreement, 0 when the claim holds)
 * @param tolerance the largest |value| that counts as 0 (rounding)
 */
public record ExactTest(SeedStatistic statistic, double tolerance) implements PerSeedTest {

    @Override
    public String describe() {
        return "every seed |value| <= " + ClaimsReport.number(tolerance);
    }

    @Override
    public Evaluation judge(List<Evaluation.SeedValue> values, double[] v) {
        if (v.length == 0) {
            return new Evaluation(Verdict.INCONCLUSIVE, "no seed gave a value", describeStatistic(), describe(), 0, Double.NaN, Double.NaN, Double.NaN,
                    "", Double.NaN, values);
        }
        double worst = Arrays.stream(v).map(Math::abs).max().orElseThrow();
        long outside = Arrays.stream(v).filter(x -> Math.abs(x) > tolerance).count();
        Verdict verdict = outside == 0 ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED;
        String reason = outside == 0 ? String.format(Locale.ROOT, "holds in all %d seeds (largest |value| %s)", v.length, ClaimsReport.number(worst))
                : String.format(Locale.ROOT, "fails in %d of %d seeds (largest |value| %s)", outside, v.length, ClaimsReport.number(worst));
        return new Evaluation(verdict, reason, describeStatistic(), describe(), v.length, worst, Arrays.stream(v).min().orElseThrow(),
                Arrays.stream(v).max().orElseThrow(), "range over seeds", Double.NaN, values);
    }
}
