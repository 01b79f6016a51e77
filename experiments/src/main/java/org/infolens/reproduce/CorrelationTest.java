package org.infolens.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.infolens.experiments.toy.ToySuperposition;

/**
 * Whether two per-seed numbers go together across seeds: Pearson's r, its 95 % interval by Fisher's
 * z transform, and the one-sided t test of r in the paper's direction (r &gt; 0 for "goes with").
 *
 * @param x         the first number per seed
 * @param y         the second
 * @param direction the sign the paper gives the correlation
 */
public record CorrelationTest(SeedStatistic x, SeedStatistic y, Direction direction) implements ClaimTest {

    /** Pearson's r needs n - 3 > 0 for its Fisher interval. */
    static final int MIN_SEEDS = 4;

    @Override
    public String describe() {
        return "one-sided t test of Pearson's r " + direction.symbol() + " 0 across seeds, Fisher-z interval";
    }

    @Override
    public String describeStatistic() {
        return "r of (" + x.description() + ") against (" + y.description() + ")";
    }

    @Override
    public Evaluation evaluate(List<SeedRuns> seeds) {
        List<Evaluation.SeedValue> values = new ArrayList<>();
        for (SeedRuns s : seeds) {
            values.add(new Evaluation.SeedValue(s.seed(), x.of(s), y.of(s)));
        }
        List<Evaluation.SeedValue> both = values.stream().filter(v -> Double.isFinite(v.value()) && Double.isFinite(v.other())).toList();
        int n = both.size();
        if (n < MIN_SEEDS) {
            return new Evaluation(Verdict.INCONCLUSIVE, "a correlation's interval needs at least " + MIN_SEEDS + " seeds, got " + n, describeStatistic(),
                    describe(), n, Double.NaN, Double.NaN, Double.NaN, "", Double.NaN, values);
        }
        double r = ToySuperposition.pearson(both.stream().mapToDouble(Evaluation.SeedValue::value).toArray(),
                both.stream().mapToDouble(Evaluation.SeedValue::other).toArray());
        if (!Double.isFinite(r)) {
            return new Evaluation(Verdict.INCONCLUSIVE, "r is undefined: one of the numbers is the same for every seed", describeStatistic(), describe(),
                    n, Double.NaN, Double.NaN, Double.NaN, "", Double.NaN, values);
        }
        double[] ci = fisherInterval(r, n);
        double p = pValue(r, n, direction);
        double pOpposite = pValue(r, n, direction.opposite());
        Verdict verdict = ClaimTest.decide(p, pOpposite, n);
        return new Evaluation(verdict, ClaimTest.because(verdict, p, pOpposite, n), describeStatistic(), describe(), n, r, ci[0], ci[1],
                "95 % interval of r (Fisher z)", p, values);
    }

    /** The 95 % interval of r: tanh(atanh(r) -+ z_0.975 / sqrt(n - 3)). */
    static double[] fisherInterval(double r, int n) {
        double z = 0.5 * Math.log((1 + r) / (1 - r));
        double half = NormalDistribution.of(0, 1).inverseSurvivalProbability(ALPHA / 2) / Math.sqrt(n - 3);
        return new double[] {Math.tanh(z - half), Math.tanh(z + half)};
    }

    /** One-sided p of r under no correlation: t = r sqrt((n - 2) / (1 - r^2)) with n - 2 degrees of freedom. */
    static double pValue(double r, int n, Direction d) {
        double t = Math.abs(r) >= 1 ? Math.copySign(Double.POSITIVE_INFINITY, r) : r * Math.sqrt((n - 2) / (1 - r * r));
        TDistribution dist = TDistribution.of(n - 2);
        return d == Direction.GREATER ? dist.survivalProbability(t) : dist.cumulativeProbability(t);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CorrelationTest[%s]", describe());
    }
}
